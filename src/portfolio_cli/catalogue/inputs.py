"""Messages of the readers: customer lists, orders and surveys files, and their options."""

EN: dict[str, str] = {
    "inputs.read_csv": "{source}: csv, {encoding}, delimiter {delimiter}, {rows} rows",
    "inputs.read_other": "{source}: {format}, {rows} rows",
    "inputs.zip": (
        "{source} is a zip file (an Excel workbook?), not CSV text: name it .xlsx if it is a "
        "workbook, or export it as CSV"
    ),
    "inputs.binary": (
        "{source} is a binary file, not CSV text (it holds NUL bytes): export it as CSV, or pass "
        "--encoding utf-16 if it is UTF-16 text"
    ),
    "inputs.unknown_encoding": (
        "unknown encoding '{encoding}' (--encoding): use utf-8, cp1252 or latin-1"
    ),
    "inputs.garbled": (
        "{source} was read as {encoding} but some text looks garbled ('{sample}'): pass "
        "--encoding with the file's real encoding (utf-8, cp1252, latin-1)"
    ),
    "inputs.did_you_mean": "; did you mean {names}?",
    "inputs.its_columns": "; its columns are: {names}",
    "inputs.row": "row {rows}",
    "inputs.header_on_row": ", header on row {row}",
    "inputs.not_in_first_rows": "; it is in none of the first {rows} rows either: if the header "
    "is further down, pass --header-row N (its row number in the file)",
    "inputs.no_header_row": "{source} has no row {row} (--header-row)",
    "help.header_row": "Row of the header in the file, from 1 (default: the first of the first "
    "20 rows that holds the id column; title lines above it are skipped).",
    "inputs.rows": "rows {rows}",
    # why a column of numbers is text: its first cells that are not numbers, or its currencies
    "inputs.cell_holds": "row {row} holds '{value}'",
    "inputs.cells_more": "{cells} and {count} more",
    "inputs.not_number.one": "{cells}, which is not a number; correct that cell (or blank it)",
    "inputs.not_number.other": "{cells}, which are not numbers; correct these cells (or blank "
    "them)",
    "inputs.mixes_currencies": "it mixes currencies ({cells}); amounts in two currencies are "
    "never compared as one number: put each currency in its own column",
    "inputs.mixed_currencies": "{source}: column '{column}' mixes currencies ({cells}): it is "
    "read as text, since amounts in two currencies are never compared as one number; put each "
    "currency in its own column",
    "inputs.ambiguous_dates": (
        "{source}: column '{column}' holds dates such as {sample} that read day-first or "
        "month-first; it is kept as text: pass --dayfirst or --monthfirst"
    ),
    "inputs.bad_option": "{option} must be {expected} (got '{value}')",
    "inputs.xlsx_to_terminal": "xlsx is a binary format: pass -o FILE.xlsx",
    "inputs.no_sheet": "{source} has no sheet '{sheet}': its sheets are {sheets} (--sheet)",
    "inputs.bad_workbook": (
        "{source} cannot be read as an Excel workbook (.xlsx): {reason}. If it is CSV text, "
        "name it .csv"
    ),
    "inputs.bad_parquet": "{source} cannot be read as a Parquet file: {reason}",
    "orders.no_block": (
        "--orders needs an orders: block in {criteria} naming the customer, date and amount "
        "columns of the orders file"
    ),
    "orders.missing_column": (
        "{source} has no column '{column}' (orders.{field} in the criteria file){hint}"
    ),
    "orders.not_dates": (
        "{source}: column '{column}' (orders.date) must hold dates, but '{sample}' on row {row} "
        "is not one: write YYYY-MM-DD or DD/MM/YYYY, or pass --dayfirst/--monthfirst"
    ),
    "orders.not_numbers": (
        "{source}: column '{column}' (orders.amount) must hold numbers, but '{sample}' on row "
        "{row} is not one: pass --decimal if the file uses another decimal mark"
    ),
    "orders.blank": (
        "{source}: {column} (orders.{field}) is blank on {rows}: every order needs a customer "
        "and a date"
    ),
    "orders.unknown": (
        "{source}: orders of customers not in the customer list are not counted: {orders} "
        "(of {ids}, such as '{sample}')"
    ),
    "orders.clash": (
        "{source} already has a column '{column}', which --orders adds: rename that column"
    ),
    "orders.joined": "{source}: {orders} of {customers}",
    "orders.needed": "{criteria} uses {columns}, which --orders FILE adds: pass the orders file",
    "surveys.no_nps": (
        "--surveys needs listening.nps in {criteria}: the column holding 0-10 answers"
    ),
    "surveys.out_of_range.one": (
        "{source}: {column} must be a score from 0 to 10, but row {rows} holds {values}"
    ),
    "surveys.out_of_range.other": (
        "{source}: {column} must be a score from 0 to 10, but rows {rows} hold {values}"
    ),
    "surveys.unknown": (
        "{source}: answers of people not in the customer list are not used: {answers} (of "
        "{ids}, such as '{sample}')"
    ),
    "surveys.joined": "{source}: {answers}, latest of {customers} used",
    "surveys.not_dates": (
        "{source}: column 'date' must hold the date of each answer, but '{sample}' on row {row} "
        "is not one: write YYYY-MM-DD or DD/MM/YYYY, or pass --dayfirst/--monthfirst"
    ),
    "surveys.blank_id": (
        "{source}: {column} is blank on {rows}: every answer needs the customer's id"
    ),
    "help.decimal": (
        "Decimal mark of numbers written with separators: , or . (default: detected, the comma "
        "first in a ;-separated file)."
    ),
    "help.dayfirst": (
        "Read dates such as 01/02/2026 as 1 February (--dayfirst) or 2 January (--monthfirst). "
        "Default: from the dates themselves, day-first in a ;-separated file."
    ),
    "help.sheet": "Sheet of an .xlsx input, by name or number from 1 (default: the first).",
    "help.orders": (
        "Orders file, one row per order (columns named in the criteria file's orders: block): "
        "adds order_count, total_amount, last_order, RFM scores... per customer."
    ),
    "help.surveys": (
        "Survey answers (the id column, date, and the listening.nps column): each customer's "
        "latest answer becomes the NPS column."
    ),
    "help.verbose": "Say on stderr how each input was read (encoding, delimiter).",
    "input.order_by_text": "policy.order_by: '{column}' is read as text, so customers are "
    "ordered by it as text (1000 before 999), because {reason}",
    # readers
    "input.unknown_id": "no customer with {column} '{value}' in {source}",
    "input.unknown_id_close": "no customer with {column} '{value}' in {source} (did you mean "
    "{close}?)",
    "input.no_id_column": "{source} has no column '{column}' (customers.id in the criteria file)",
    "input.no_id_column_close": "{source} has no column '{column}' (customers.id in the criteria "
    "file); did you mean {close}?",
    "input.no_id_column_list": "{source} has no column '{column}' (customers.id in the criteria "
    "file); its columns are: {columns}",
    "input.no_id_column_data": "{source} has no column '{column}' (customers.id in the criteria "
    "file); its columns are: {columns}. Its first row looks like data: the file needs a header "
    "row",
    "input.blank_id.one": "{source}: {column} is blank on row {rows}: every customer needs an id",
    "input.blank_id.other": "{source}: {column} is blank on rows {rows}: every customer needs "
    "an id",
    "input.duplicate_id": "{source}: {column} '{value}' appears on rows {rows}: each customer "
    "must appear once",
    "input.duplicate_id_more.one": "{source}: {column} '{value}' appears on rows {rows} ({count} "
    "other id also repeat): each customer must appear once",
    "input.duplicate_id_more.other": "{source}: {column} '{value}' appears on rows {rows} "
    "({count} other ids also repeat): each customer must appear once",
    "input.not_found": "file not found: {path}",
    "input.is_folder": "{path} is a folder, not a file",
    "input.unreadable": "cannot read {path}: {reason}",
    "input.empty": "{source} is empty: expected a header row naming the columns",
    "input.duplicate_column": "{source}: columns {first} and {second} are both named '{column}': "
    "rename one of them",
    "input.duplicate_column_data": "{source}: columns {first} and {second} are both named "
    "'{column}': rename one of them (or, if the first row is data, add a header row)",
    "input.bad_encoding": "{source} is not {encoding} text: pass --encoding cp1252 (or latin-1) "
    "if it comes from Excel on Windows",
    "input.ragged_row": "{source}: row {row} has {found} fields but the header has {expected}: "
    "quote values that contain '{delimiter}', or pass --delimiter if the file uses another "
    "separator",
    "input.ragged": "{source}: a row has {found} fields but the header has {expected}: quote "
    "values that contain '{delimiter}', or pass --delimiter if the file uses another separator",
    "input.bad_csv": "{source} cannot be read as CSV: {detail}",
    "surveys.missing_column": "{source} has no column '{column}': a surveys file holds the "
    "customer id column, a 'date' column and the listening.nps column{hint}",
}

FR: dict[str, str] = {
    "inputs.read_csv": "{source} : csv, {encoding}, séparateur {delimiter}, {rows} lignes",
    "inputs.read_other": "{source} : {format}, {rows} lignes",
    "inputs.zip": (
        "{source} est un fichier zip (un classeur Excel ?), pas du texte CSV : nommez-le .xlsx "
        "si c'est un classeur, ou exportez-le en CSV"
    ),
    "inputs.binary": (
        "{source} est un fichier binaire, pas du texte CSV (il contient des octets NUL) : "
        "exportez-le en CSV, ou passez --encoding utf-16 si c'est du texte UTF-16"
    ),
    "inputs.unknown_encoding": (
        "encodage inconnu '{encoding}' (--encoding) : utilisez utf-8, cp1252 ou latin-1"
    ),
    "inputs.garbled": (
        "{source} a été lu en {encoding} mais une partie du texte semble altérée ('{sample}') : "
        "passez --encoding avec le vrai encodage du fichier (utf-8, cp1252, latin-1)"
    ),
    "inputs.did_you_mean": " ; vouliez-vous dire {names} ?",
    "inputs.its_columns": " ; ses colonnes sont : {names}",
    "inputs.row": "ligne {rows}",
    "inputs.header_on_row": ", en-tête à la ligne {row}",
    "inputs.not_in_first_rows": " ; elle n'est dans aucune des {rows} premières lignes non plus : "
    "si l'en-tête est plus bas, passez --header-row N (son numéro de ligne dans le fichier)",
    "inputs.no_header_row": "{source} n'a pas de ligne {row} (--header-row)",
    "help.header_row": "Ligne de l'en-tête dans le fichier, à partir de 1 (par défaut : la "
    "première des 20 premières lignes qui contient la colonne d'identifiant ; les lignes de "
    "titre au-dessus sont ignorées).",
    "inputs.rows": "lignes {rows}",
    "inputs.cell_holds": "la ligne {row} contient '{value}'",
    "inputs.cells_more": "{cells} et {count} de plus",
    "inputs.not_number.one": "{cells}, qui n'est pas un nombre ; corrigez cette cellule (ou "
    "videz-la)",
    "inputs.not_number.other": "{cells}, qui ne sont pas des nombres ; corrigez ces cellules "
    "(ou videz-les)",
    "inputs.mixes_currencies": "elle mélange des devises ({cells}) ; des montants en deux "
    "devises ne se comparent jamais comme un seul nombre : mettez chaque devise dans sa colonne",
    "inputs.mixed_currencies": "{source} : la colonne '{column}' mélange des devises ({cells}) : "
    "elle est lue comme du texte, car des montants en deux devises ne se comparent jamais comme "
    "un seul nombre ; mettez chaque devise dans sa colonne",
    "inputs.ambiguous_dates": (
        "{source} : la colonne '{column}' contient des dates comme {sample} qui se lisent jour "
        "d'abord ou mois d'abord ; elle reste du texte : passez --dayfirst ou --monthfirst"
    ),
    "inputs.bad_option": "{option} doit être {expected} (reçu '{value}')",
    "inputs.xlsx_to_terminal": "xlsx est un format binaire : passez -o FICHIER.xlsx",
    "inputs.no_sheet": (
        "{source} n'a pas de feuille '{sheet}' : ses feuilles sont {sheets} (--sheet)"
    ),
    "inputs.bad_workbook": (
        "{source} ne peut pas être lu comme un classeur Excel (.xlsx) : {reason}. Si c'est du "
        "texte CSV, nommez-le .csv"
    ),
    "inputs.bad_parquet": "{source} ne peut pas être lu comme un fichier Parquet : {reason}",
    "orders.no_block": (
        "--orders demande un bloc orders: dans {criteria} qui nomme les colonnes client, date "
        "et montant du fichier de commandes"
    ),
    "orders.missing_column": (
        "{source} n'a pas de colonne '{column}' (orders.{field} dans le fichier de critères){hint}"
    ),
    "orders.not_dates": (
        "{source} : la colonne '{column}' (orders.date) doit contenir des dates, mais "
        "'{sample}' à la ligne {row} n'en est pas une : écrivez AAAA-MM-JJ ou JJ/MM/AAAA, ou "
        "passez --dayfirst/--monthfirst"
    ),
    "orders.not_numbers": (
        "{source} : la colonne '{column}' (orders.amount) doit contenir des nombres, mais "
        "'{sample}' à la ligne {row} n'en est pas un : passez --decimal si le fichier utilise "
        "un autre séparateur décimal"
    ),
    "orders.blank": (
        "{source} : {column} (orders.{field}) est vide ({rows}) : chaque commande doit "
        "avoir un client et une date"
    ),
    "orders.unknown": (
        "{source} : les commandes de clients absents de la liste ne sont pas comptées : "
        "{orders} (de {ids}, comme '{sample}')"
    ),
    "orders.clash": (
        "{source} a déjà une colonne '{column}', que --orders ajoute : renommez cette colonne"
    ),
    "orders.joined": "{source} : {orders} de {customers}",
    "orders.needed": (
        "{criteria} utilise {columns}, que --orders FICHIER ajoute : passez le fichier de commandes"
    ),
    "surveys.no_nps": (
        "--surveys demande listening.nps dans {criteria} : la colonne des réponses de 0 à 10"
    ),
    "surveys.out_of_range.one": (
        "{source} : {column} doit être une note de 0 à 10, mais la ligne {rows} contient {values}"
    ),
    "surveys.out_of_range.other": (
        "{source} : {column} doit être une note de 0 à 10, mais les lignes {rows} contiennent "
        "{values}"
    ),
    "surveys.unknown": (
        "{source} : les réponses de personnes absentes de la liste ne sont pas utilisées : "
        "{answers} (de {ids}, comme '{sample}')"
    ),
    "surveys.joined": ("{source} : {answers}, la plus récente de {customers} est retenue"),
    "surveys.not_dates": (
        "{source} : la colonne 'date' doit contenir la date de chaque réponse, mais '{sample}' "
        "à la ligne {row} n'en est pas une : écrivez AAAA-MM-JJ ou JJ/MM/AAAA, ou passez "
        "--dayfirst/--monthfirst"
    ),
    "surveys.blank_id": (
        "{source} : {column} est vide ({rows}) : chaque réponse doit porter l'identifiant du client"
    ),
    "help.decimal": (
        "Séparateur décimal des nombres écrits avec séparateurs : , ou . (par défaut : détecté, "
        "la virgule d'abord dans un fichier séparé par des ;)."
    ),
    "help.dayfirst": (
        "Lit les dates comme 01/02/2026 en 1er février (--dayfirst) ou 2 janvier (--monthfirst). "
        "Par défaut : selon les dates elles-mêmes, jour d'abord dans un fichier séparé par des ;."
    ),
    "help.sheet": (
        "Feuille d'un classeur .xlsx, par nom ou par numéro à partir de 1 (par défaut : la "
        "première)."
    ),
    "help.orders": (
        "Fichier de commandes, une ligne par commande (colonnes nommées dans le bloc orders: du "
        "fichier de critères) : ajoute order_count, total_amount, last_order, les scores RFM... "
        "par client."
    ),
    "help.surveys": (
        "Réponses aux enquêtes (la colonne d'identifiant, date, et la colonne listening.nps) : "
        "la réponse la plus récente de chaque client devient la colonne NPS."
    ),
    "help.verbose": "Indique sur stderr comment chaque fichier a été lu (encodage, séparateur).",
    "input.order_by_text": "policy.order_by : '{column}' est lue comme du texte, les clients "
    "sont donc classés par ordre alphabétique de cette colonne (1000 avant 999), car {reason}",
    "input.unknown_id": "aucun client avec {column} '{value}' dans {source}",
    "input.unknown_id_close": "aucun client avec {column} '{value}' dans {source} "
    "(vouliez-vous dire {close} ?)",
    "input.no_id_column": "{source} n'a pas de colonne '{column}' (customers.id dans le fichier "
    "de critères)",
    "input.no_id_column_close": "{source} n'a pas de colonne '{column}' (customers.id dans le "
    "fichier de critères) ; vouliez-vous dire {close} ?",
    "input.no_id_column_list": "{source} n'a pas de colonne '{column}' (customers.id dans le "
    "fichier de critères) ; ses colonnes sont : {columns}",
    "input.no_id_column_data": "{source} n'a pas de colonne '{column}' (customers.id dans le "
    "fichier de critères) ; ses colonnes sont : {columns}. Sa première ligne ressemble à des "
    "données : le fichier a besoin d'une ligne d'en-tête",
    "input.blank_id.one": "{source} : {column} est vide à la ligne {rows} : chaque client a "
    "besoin d'un identifiant",
    "input.blank_id.other": "{source} : {column} est vide aux lignes {rows} : chaque client a "
    "besoin d'un identifiant",
    "input.duplicate_id": "{source} : {column} '{value}' apparaît aux lignes {rows} : chaque "
    "client doit apparaître une seule fois",
    "input.duplicate_id_more.one": "{source} : {column} '{value}' apparaît aux lignes {rows} "
    "({count} autre identifiant se répète aussi) : chaque client doit apparaître une seule fois",
    "input.duplicate_id_more.other": "{source} : {column} '{value}' apparaît aux lignes {rows} "
    "({count} autres identifiants se répètent aussi) : chaque client doit apparaître une seule "
    "fois",
    "input.not_found": "fichier introuvable : {path}",
    "input.is_folder": "{path} est un dossier, pas un fichier",
    "input.unreadable": "impossible de lire {path} : {reason}",
    "input.empty": "{source} est vide : une ligne d'en-tête nommant les colonnes est attendue",
    "input.duplicate_column": "{source} : les colonnes {first} et {second} s'appellent toutes "
    "deux '{column}' : renommez l'une d'elles",
    "input.duplicate_column_data": "{source} : les colonnes {first} et {second} s'appellent "
    "toutes deux '{column}' : renommez l'une d'elles (ou, si la première ligne contient des "
    "données, ajoutez une ligne d'en-tête)",
    "input.bad_encoding": "{source} n'est pas un texte {encoding} : passez --encoding cp1252 (ou "
    "latin-1) s'il vient d'Excel sous Windows",
    "input.ragged_row": "{source} : la ligne {row} a {found} champs mais l'en-tête en a "
    "{expected} : mettez entre guillemets les valeurs qui contiennent '{delimiter}', ou passez "
    "--delimiter si le fichier utilise un autre séparateur",
    "input.ragged": "{source} : une ligne a {found} champs mais l'en-tête en a {expected} : "
    "mettez entre guillemets les valeurs qui contiennent '{delimiter}', ou passez --delimiter si "
    "le fichier utilise un autre séparateur",
    "input.bad_csv": "{source} ne peut pas être lu comme un CSV : {detail}",
    "surveys.missing_column": "{source} n'a pas de colonne '{column}' : un fichier d'enquêtes "
    "contient la colonne d'identifiant des clients, une colonne 'date' et la colonne de "
    "listening.nps{hint}",
}
