"""Messages of the engines (`--engine`, `--memory-limit`) and of `portfolio sql`."""

EN: dict[str, str] = {
    "help.sql": "Print the whole method as SQL for a warehouse: the customers in priority order "
    "(the columns of classify -f csv, lists joined with '|') and the summary.\n\n"
    "The query reads the table named by --table; --as-of is written into it as a date. It "
    "cannot see the data: text and numbers follow the table's own column types.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio sql -c criteria.yaml --dialect postgres --table crm.customers\n"
    "    portfolio sql --dialect snowflake --table sales.customers --part summary",
    "help.short.sql": "The method as one SQL query for a warehouse.",
    "help.dialect": "SQL dialect: duckdb, postgres, spark, bigquery or snowflake.",
    "help.table": "The table the query reads (schema.table allowed). Default: customers.",
    "help.part": "all (customers then summary), customers or summary: one statement each.",
    "help.engine": "auto, arrow, duckdb or spark: where the rules run. auto keeps the in-process "
    "Arrow engine for small files and uses DuckDB for large ones; spark needs the spark extra.",
    "help.memory_limit": "Memory DuckDB may use before it spills to disk (e.g. 2GiB, 40%). "
    "Default: half of this machine's memory.",
    "engine.bad_engine": "--engine {value!r} is not an engine: write auto, arrow, duckdb or spark",
    "engine.bad_memory_limit": "--memory-limit {value!r} is not a size: write e.g. 2GiB, "
    "512MB or 40%",
    "engine.no_match": "{pattern}: no file matches this pattern",
    "engine.glob_format": "{pattern}: a pattern reads CSV or Parquet files, not {name}",
    "engine.glob_header": "{name}: its columns differ from {first}'s; files read as one "
    "portfolio need the same columns (missing: {missing})",
    "sql.bad_dialect": "--dialect {value!r} is not known: write duckdb, postgres, spark, "
    "bigquery or snowflake",
    "sql.bad_part": "--part {value!r}: write all, customers or summary",
    "sql.head": "portfolio sql: {criteria}, as of {as_of}, dialect {dialect}",
    "sql.customers": "customers in priority order: the columns of classify -f csv "
    "(lists joined with '|', '' when empty)",
    "sql.summary": "summary: one row per figure (measure, key, value)",
}

FR: dict[str, str] = {
    "help.sql": "Affiche toute la méthode en SQL pour un entrepôt de données : les clients "
    "par ordre de priorité (les colonnes de classify -f csv, listes jointes par '|') et le "
    "résumé.\n\n"
    "La requête lit la table nommée par --table ; --as-of y est écrit comme une date. Elle "
    "ne voit pas les données : textes et nombres suivent les types des colonnes de la "
    "table.\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio sql -c criteria.yaml --dialect postgres --table crm.clients\n"
    "    portfolio sql --dialect snowflake --table ventes.clients --part summary",
    "help.short.sql": "La méthode en une requête SQL pour un entrepôt de données.",
    "help.dialect": "Dialecte SQL : duckdb, postgres, spark, bigquery ou snowflake.",
    "help.table": "La table que lit la requête (schema.table possible). Par défaut : customers.",
    "help.part": "all (clients puis résumé), customers ou summary : une requête chacun.",
    "help.engine": "auto, arrow, duckdb ou spark : où les règles s'exécutent. auto garde le "
    "moteur Arrow en mémoire pour les petits fichiers et prend DuckDB pour les gros ; spark "
    "demande l'extra spark.",
    "help.memory_limit": "Mémoire que DuckDB peut prendre avant d'écrire sur le disque "
    "(ex. 2GiB, 40%). Par défaut : la moitié de la mémoire de cette machine.",
    "engine.bad_engine": "--engine {value!r} n'est pas un moteur : écrivez auto, arrow, duckdb "
    "ou spark",
    "engine.bad_memory_limit": "--memory-limit {value!r} n'est pas une taille : écrivez par "
    "exemple 2GiB, 512MB ou 40%",
    "engine.no_match": "{pattern} : aucun fichier ne correspond à ce motif",
    "engine.glob_format": "{pattern} : un motif lit des fichiers CSV ou Parquet, pas {name}",
    "engine.glob_header": "{name} : ses colonnes diffèrent de celles de {first} ; des "
    "fichiers lus comme un seul portefeuille doivent avoir les mêmes colonnes (manquantes : "
    "{missing})",
    "sql.bad_dialect": "--dialect {value!r} est inconnu : écrivez duckdb, postgres, spark, "
    "bigquery ou snowflake",
    "sql.bad_part": "--part {value!r} : écrivez all, customers ou summary",
    "sql.head": "portfolio sql : {criteria}, au {as_of}, dialecte {dialect}",
    "sql.customers": "clients par ordre de priorité : les colonnes de classify -f csv "
    "(listes jointes par '|', '' si vides)",
    "sql.summary": "résumé : une ligne par chiffre (measure, key, value)",
}
