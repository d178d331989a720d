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

# # Conform silver
# Deduplicates the bronze extracts of the load date and merges them into `lh_silver`. With `full_refresh`
# the silver tables are rebuilt from all of bronze.

# PARAMETERS CELL ********************

run_id = ""
parent_run_id = ""
environment = "DEV"
load_date = ""
full_refresh = False

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

from delta.tables import DeltaTable
from pyspark.sql.window import Window

TABLES = {
    # silver table: (bronze source, business key, change column, bronze date filter)
    "sales_order_lines": ("lh_bronze.erp_sales_order_lines", ["order_id", "order_line"], "modified_at",
                          "CAST(modified_at AS DATE)"),
    "gl_entries": ("lh_bronze.erp_gl_entries", ["entry_id"], "posting_date", "posting_date"),
    "stock_levels": ("lh_bronze.erp_stock_levels", ["snapshot_date", "warehouse_code", "product_id"],
                     "snapshot_date", "snapshot_date"),
    "employees": ("lh_bronze.hr_employees", ["employee_id"], "changed_at", None),
}


def latest_per_key(df, keys, change_column):
    newest_first = Window.partitionBy(*keys).orderBy(F.col(change_column).desc())
    return df.withColumn("_rn", F.row_number().over(newest_first)).where("_rn = 1").drop("_rn")


def upsert(df, table, keys):
    target = f"lh_silver.{table}"
    if full_refresh or not spark.catalog.tableExists(target):
        df.write.mode("overwrite").option("overwriteSchema", "true").saveAsTable(target)
        return
    condition = " AND ".join(f"t.{k} = s.{k}" for k in keys)
    (DeltaTable.forName(spark, target).alias("t")
        .merge(df.alias("s"), condition)
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute())

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

rows = []
run = parent_run_id or run_id
for table, (source, keys, change_column, date_filter) in TABLES.items():
    started = utc_now()
    try:
        df = spark.read.table(source)
        if date_filter and not full_refresh:
            df = df.where(F.expr(date_filter) == F.lit(load_date))
        read = df.count()
        conformed = latest_per_key(df, keys, change_column).withColumn("_loaded_at", F.current_timestamp())
        upsert(conformed, table, keys)
        rows.append(monitoring_row(run, environment, "Transformation", "Conform silver", "Succeeded", started,
                                   item=table, rows_read=read, rows_written=conformed.count()))
    except Exception as e:
        rows.append(monitoring_row(run, environment, "Transformation", "Conform silver", "Failed", started,
                                   item=table, error_code=type(e).__name__, error_message=e))
        write_monitoring_rows(rows)
        raise

customers = (spark.read.json("Files/crm/customers/*.json")
             .select("id", "name", "segment", "country", "createdAt", "modifiedAt")
             .withColumnRenamed("id", "customer_id").withColumnRenamed("name", "customer_name")
             .withColumnRenamed("createdAt", "created_at").withColumnRenamed("modifiedAt", "modified_at"))
started = utc_now()
upsert(latest_per_key(customers, ["customer_id"], "modified_at"), "customers", ["customer_id"])
rows.append(monitoring_row(run, environment, "Transformation", "Conform silver", "Succeeded", started,
                           item="customers", rows_read=customers.count()))
write_monitoring_rows(rows)

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
