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

# # Register bronze loads
# Runs after the integration copies. Compares what each Copy activity reported with what is now in
# `lh_bronze` for the load date and writes one monitoring row per landed table.

# PARAMETERS CELL ********************

run_id = ""
parent_run_id = ""
environment = "DEV"
load_date = ""
rows_sales_orders = 0
rows_ledger_entries = 0
rows_stock_levels = 0
rows_crm_customers = 0
rows_hr_employees = 0
connections = "[]"

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
run = parent_run_id or run_id
reported = {
    "erp_sales_order_lines": (rows_sales_orders, "CAST(modified_at AS DATE)"),
    "erp_gl_entries": (rows_ledger_entries, "posting_date"),
    "erp_stock_levels": (rows_stock_levels, "snapshot_date"),
    "hr_employees": (rows_hr_employees, None),
}

rows = []
for table, (copied, date_column) in reported.items():
    df = spark.read.table(f"lh_bronze.{table}")
    if date_column:
        df = df.where(F.expr(date_column) == F.lit(load_date))
    landed = df.count()
    status = "Succeeded" if landed >= copied else "Failed"
    rows.append(monitoring_row(run, environment, "Integration", "Register bronze loads", status, started,
                               item=table, rows_read=copied, rows_written=landed,
                               error_code=None if status == "Succeeded" else "ROWS_MISSING",
                               error_message=None if status == "Succeeded"
                               else f"copy reported {copied} rows, bronze holds {landed}"))

customers = spark.read.json(f"Files/crm/customers/customers_{load_date}.json")
rows.append(monitoring_row(run, environment, "Integration", "Register bronze loads", "Succeeded", started,
                           item="crm/customers", rows_read=rows_crm_customers, rows_written=customers.count()))
write_monitoring_rows(rows)

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

used = [c.get("connection_name") for c in json.loads(connections or "[]")]
failed = [r[4] for r in rows if r[6] == "Failed"]
mssparkutils.notebook.exit(json.dumps({"tables": len(rows), "failed": failed, "connections": used}))

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
