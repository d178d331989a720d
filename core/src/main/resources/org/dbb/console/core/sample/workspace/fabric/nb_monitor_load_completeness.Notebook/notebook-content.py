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

# # Monitor load completeness
# For the load date, every bronze, silver and gold table the DBB feeds must hold rows, and every activity
# of this run must have reported a successful attempt to `meta.monitoring_integration`. Anything missing
# is returned as a breach; the notebook itself only fails when it cannot check.

# PARAMETERS CELL ********************

run_id = ""
environment = "DEV"
load_date = ""
expected_items = "[]"

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

EXPECTED_TABLES = {
    "lh_bronze.erp_sales_order_lines": "CAST(modified_at AS DATE)",
    "lh_bronze.erp_gl_entries": "posting_date",
    "lh_bronze.erp_stock_levels": "snapshot_date",
    "lh_silver.sales_order_lines": "order_date",
    "lh_silver.gl_entries": "posting_date",
    "lh_silver.stock_levels": "snapshot_date",
}
EXPECTED_ACTIVITIES = ["Register bronze loads", "Conform silver", "Check gold quality"]

breaches = []
started = utc_now()
for table, date_column in EXPECTED_TABLES.items():
    count = spark.read.table(table).where(F.expr(date_column) == F.lit(load_date)).count()
    if count == 0:
        breaches.append({"kind": "missing_load", "item": table, "load_date": load_date})

reported = (read_monitoring(since_days=2)
            .where((F.col("run_id") == run_id) & (F.col("status") == "Succeeded"))
            .select("activity").distinct().toPandas()["activity"].tolist())
for activity in EXPECTED_ACTIVITIES:
    if activity not in reported:
        breaches.append({"kind": "no_success_reported", "item": activity, "run_id": run_id})

deployed = {i["item_name"] for i in json.loads(expected_items or "[]") if i.get("item_type") == "SemanticModel"}
if expected_items != "[]" and len(deployed) < 6:
    breaches.append({"kind": "semantic_models_missing", "item": "SemanticModel", "found": sorted(deployed)})

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

write_monitoring_rows([monitoring_row(run_id, environment, "Monitoring", "Monitor load completeness",
                                      "Succeeded", started, item=load_date, rows_read=len(EXPECTED_TABLES),
                                      error_code="BREACH" if breaches else None,
                                      error_message=json.dumps(breaches) if breaches else None)])
mssparkutils.notebook.exit(json.dumps({"breaches": breaches}))

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
