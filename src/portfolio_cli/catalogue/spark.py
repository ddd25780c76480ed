"""Messages of the Spark engine (`--engine spark`, `--spark-remote`, `--spark-master`)."""

EN: dict[str, str] = {
    "help.spark_remote": "Spark Connect server to run on (sc://host:15002). Default: "
    "$SPARK_REMOTE.",
    "help.spark_master": "Spark master to run on (spark://host:7077, yarn, local[4]) when no "
    "--spark-remote is given. Default: a local Spark on every core.",
    "spark.not_installed": "--engine spark needs pyspark: pip install 'portfolio-cli[spark]'",
    "spark.no_java": "--engine spark needs Java 17 or newer to start Spark on this machine: "
    "install a JDK (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME, or pass "
    "--spark-remote sc://HOST:15002 to use a Spark Connect server",
    "spark.cannot_start": "cannot start Spark: {detail}",
    "spark.cannot_read": "Spark cannot read {source}: {detail}",
    "spark.cannot_write": "Spark cannot write {path}: {detail}",
    "spark.blank_id": "{source}: {column} is blank on some rows: every customer needs an id",
    "spark.duplicate_id": "{source}: {column} '{value}' appears {count} times: each customer "
    "must appear once",
    "spark.nps_out_of_range": "{source}: {count} score(s) in '{column}' are outside 0-10: NPS "
    "answers are 0 to 10",
    "spark.folder_output": "-o {path}: with --engine spark and --format parquet, -o names a "
    "folder that does not exist yet (Spark writes customers/ and summary.json in it)",
    "spark.parquet_needs_spark": "--format parquet writes a folder of Parquet files with "
    "--engine spark; other engines write csv, json, markdown or xlsx",
    "spark.keep_columns": "--keep-columns is not available when Spark reads the input itself "
    "({source}): classify a CSV file through our readers, or select the columns in Spark",
    "spark.no_joins": "--orders and --surveys are not available when Spark reads the input "
    "itself ({source}): join them in Spark (a view or a table) and classify that",
}
