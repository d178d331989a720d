# Fabric notebook source

# METADATA ********************

# META {
# META   "kernel_info": {
# META     "name": "synapse_pyspark"
# META   },
# META   "dependencies": {}
# META }

# MARKDOWN ********************

# # DBB common helpers
# Included with `%run nb_dbb_common` by every DBB notebook. It is the one place that knows the layout of
# `meta.monitoring_integration`, so a new column is added here and nowhere else.

# CELL ********************

import json
import time
from datetime import datetime, timedelta, timezone

import com.microsoft.spark.fabric
from com.microsoft.spark.fabric.Constants import Constants
from pyspark.sql import functions as F
from pyspark.sql import types as T

MONITORING_TABLE = "wh_meta.meta.monitoring_integration"

MONITORING_SCHEMA = T.StructType([
    T.StructField("run_id", T.StringType(), False),
    T.StructField("environment", T.StringType(), False),
    T.StructField("stage", T.StringType(), False),
    T.StructField("activity", T.StringType(), False),
    T.StructField("item", T.StringType(), True),
    T.StructField("attempt", T.IntegerType(), False),
    T.StructField("status", T.StringType(), False),
    T.StructField("job_instance_id", T.StringType(), True),
    T.StructField("start_utc", T.TimestampType(), False),
    T.StructField("end_utc", T.TimestampType(), True),
    T.StructField("duration_s", T.DoubleType(), True),
    T.StructField("rows_read", T.LongType(), True),
    T.StructField("rows_written", T.LongType(), True),
    T.StructField("error_code", T.StringType(), True),
    T.StructField("error_message", T.StringType(), True),
    T.StructField("operator", T.StringType(), True),
])

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }

# CELL ********************

def utc_now():
    # The warehouse column is datetime2 without offset; every DBB timestamp is UTC by convention.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def job_instance_id():
    return mssparkutils.runtime.context.get("currentRunId")


def monitoring_row(run_id, environment, stage, activity, status, started, item=None, attempt=1,
                   rows_read=None, rows_written=None, error_code=None, error_message=None):
    ended = utc_now()
    return (run_id, environment, stage, activity, item, attempt, status, job_instance_id(), started, ended,
            (ended - started).total_seconds(), rows_read, rows_written, error_code,
            None if error_message is None else str(error_message)[:4000], "pipeline")


def write_monitoring_rows(rows):
    if not rows:
        return
    spark.createDataFrame(rows, MONITORING_SCHEMA).write.mode("append").synapsesql(MONITORING_TABLE)


def read_monitoring(since_days=14):
    since = utc_now() - timedelta(days=since_days)
    return spark.read.synapsesql(MONITORING_TABLE).where(F.col("start_utc") >= F.lit(since))

# METADATA ********************

# META {
# META   "language": "python",
# META   "language_group": "synapse_pyspark"
# META }
