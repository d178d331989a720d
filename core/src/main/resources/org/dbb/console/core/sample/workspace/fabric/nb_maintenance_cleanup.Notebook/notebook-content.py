# Fabric notebook source

# METADATA ********************

# META {
# META   "kernel_info": {
# META     "name": "synapse_pyspark"
# META   },
# META   "dependencies": {
# META     "lakehouse": {
# META       "default_lakehouse": "302bf64e-1365-4510-92a7-36b18dc95002",
# META       "default_lakehouse_name": "lh_bronze",
# META       "default_lakehouse_workspace_id": "e04c3b9e-1d9c-43c7-ad61-6f2636681aca"
# META     }
# META   }
# META }

# MARKDOWN ********************

# # Clean up retained files
# Maintenance, run only when the master pipeline is started with `run_maintenance = true`. Deletes landed
# CRM files older than `retention_days` and vacuums the bronze tables to the same retention.

# PARAMETERS CELL ********************

run_id = ""
environment = "DEV"
retention_days = 30

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

# MAGIC %run nb_dbb_common

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

started = utc_now()
cutoff = (utc_now() - timedelta(days=retention_days)).strftime("%Y-%m-%d")
removed = 0
for f in mssparkutils.fs.ls("Files/crm/customers"):
    # customers_<yyyy-MM-dd>.json: the date in the name is the load date, not the file time
    stamp = f.name[len("customers_"):-len(".json")]
    if f.name.startswith("customers_") and stamp < cutoff:
        mssparkutils.fs.rm(f.path)
        removed += 1

for table in ["erp_sales_order_lines", "erp_gl_entries", "erp_stock_levels", "hr_employees"]:
    spark.sql(f"VACUUM lh_bronze.{table} RETAIN {retention_days * 24} HOURS")

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

write_monitoring_rows([monitoring_row(run_id, environment, "Maintenance", "Clean up retained files",
                                      "Succeeded", started, item="lh_bronze", rows_written=removed)])
mssparkutils.notebook.exit(json.dumps({"files_removed": removed, "cutoff": cutoff}))

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
