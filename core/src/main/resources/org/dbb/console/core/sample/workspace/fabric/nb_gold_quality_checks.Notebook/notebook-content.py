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

# # Check gold quality
# Reconciles the gold marts that dbt built in `wh_gold` with silver: revenue and ledger totals must agree
# to the cent for the load date, and no fact row may point at a missing dimension member.

# PARAMETERS CELL ********************

run_id = ""
parent_run_id = ""
environment = "DEV"
load_date = ""

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

def gold(table):
    return spark.read.synapsesql(f"wh_gold.gold.{table}")


checks = []
started = utc_now()

silver_revenue = (spark.read.table("lh_silver.sales_order_lines")
                  .where(F.col("order_date") == F.lit(load_date)).agg(F.sum("net_amount")).first()[0] or 0)
gold_revenue = gold("fct_sales").where(F.col("order_date") == F.lit(load_date)).agg(F.sum("net_amount")).first()[0] or 0
checks.append({"check": "revenue_matches_silver", "ok": round(silver_revenue - gold_revenue, 2) == 0,
               "silver": float(silver_revenue), "gold": float(gold_revenue)})

silver_ledger = (spark.read.table("lh_silver.gl_entries")
                 .where(F.col("posting_date") == F.lit(load_date)).agg(F.sum("amount")).first()[0] or 0)
gold_ledger = gold("fct_gl_entries").where(F.col("posting_date") == F.lit(load_date)).agg(F.sum("amount")).first()[0] or 0
checks.append({"check": "ledger_matches_silver", "ok": round(silver_ledger - gold_ledger, 2) == 0,
               "silver": float(silver_ledger), "gold": float(gold_ledger)})

orphans = gold("fct_sales").join(gold("dim_product"), "product_id", "left_anti").count()
checks.append({"check": "sales_products_resolved", "ok": orphans == 0, "orphans": orphans})

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

failed = [c["check"] for c in checks if not c["ok"]]
write_monitoring_rows([monitoring_row(parent_run_id or run_id, environment, "Transformation", "Check gold quality",
                                      "Failed" if failed else "Succeeded", started, item="wh_gold",
                                      error_code="GOLD_CHECK_FAILED" if failed else None,
                                      error_message=", ".join(failed) if failed else None)])
if failed:
    raise ValueError(f"gold checks failed: {failed}")
mssparkutils.notebook.exit(json.dumps({"checks": checks}))

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
