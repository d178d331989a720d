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

# # Monitor threshold breaches
# Compares this run with the previous fourteen days in `meta.monitoring_integration`: a table whose rows
# written dropped by more than `row_drop_threshold_pct` percent against its trailing average, or an activity
# that took more than twice its usual duration, is a breach.

# PARAMETERS CELL ********************

run_id = ""
environment = "DEV"
load_date = ""
row_drop_threshold_pct = 25.0

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

history = read_monitoring(since_days=14).where((F.col("environment") == environment) & (F.col("status") == "Succeeded"))
baseline = (history.where(F.col("run_id") != run_id)
            .groupBy("activity", "item")
            .agg(F.avg("rows_written").alias("avg_rows"), F.avg("duration_s").alias("avg_duration_s")))
current = history.where(F.col("run_id") == run_id).select("activity", "item", "rows_written", "duration_s")
compared = current.join(baseline, ["activity", "item"], "inner").collect()

breaches = []
started = utc_now()
for r in compared:
    if r.avg_rows and r.rows_written is not None:
        drop_pct = 100.0 * (r.avg_rows - r.rows_written) / r.avg_rows
        if drop_pct > row_drop_threshold_pct:
            breaches.append({"kind": "row_drop", "activity": r.activity, "item": r.item,
                             "rows": r.rows_written, "average": round(r.avg_rows), "drop_pct": round(drop_pct, 1)})
    if r.avg_duration_s and r.duration_s and r.duration_s > 2 * r.avg_duration_s:
        breaches.append({"kind": "slow", "activity": r.activity, "item": r.item,
                         "duration_s": round(r.duration_s), "average_s": round(r.avg_duration_s)})

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

write_monitoring_rows([monitoring_row(run_id, environment, "Monitoring", "Monitor threshold breaches",
                                      "Succeeded", started, rows_read=len(compared),
                                      error_code="BREACH" if breaches else None,
                                      error_message=json.dumps(breaches) if breaches else None)])
mssparkutils.notebook.exit(json.dumps({"breaches": breaches}))

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
