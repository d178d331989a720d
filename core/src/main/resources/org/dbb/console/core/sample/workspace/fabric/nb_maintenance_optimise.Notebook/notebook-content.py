# Fabric notebook source

# METADATA ********************

# META {
# META   "kernel_info": {
# META     "name": "synapse_pyspark"
# META   },
# META   "dependencies": {
# META     "lakehouse": {
# META       "default_lakehouse": "e538d2b7-6fa3-4ddd-9bdc-88fb41edcd98",
# META       "default_lakehouse_name": "lh_silver",
# META       "default_lakehouse_workspace_id": "e04c3b9e-1d9c-43c7-ad61-6f2636681aca"
# META     }
# META   }
# META }

# MARKDOWN ********************

# # Optimise tables
# Maintenance: compacts the silver tables with V-Order so the dbt build and the SQL endpoint read fewer,
# larger files.

# PARAMETERS CELL ********************

run_id = ""
environment = "DEV"

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

# MAGIC %%sql
# MAGIC SET spark.sql.parquet.vorder.default=TRUE

# METADATA ********************

# META {
# META   "language": "sparksql",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

started = utc_now()
tables = ["sales_order_lines", "gl_entries", "stock_levels", "customers", "employees"]
for table in tables:
    spark.sql(f"OPTIMIZE lh_silver.{table} VORDER")
write_monitoring_rows([monitoring_row(run_id, environment, "Maintenance", "Optimise tables", "Succeeded",
                                      started, item="lh_silver", rows_read=len(tables))])
mssparkutils.notebook.exit(json.dumps({"optimised": tables}))

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
