"""Help texts: the application, each command (with its examples) and each shared option, and
the few words of Typer's own help screens (Arguments, Options, [required]...)."""

EN: dict[str, str] = {
    "help.short.classify": "Sort customers into the three segments.",
    "help.short.check": "Check the criteria file: the five steps as a checklist.",
    "help.short.explain": "Why one customer is in its segment.",
    "help.short.init": "Write a criteria file, step by step.",
    "help.short.profile": "What sets each segment's customers apart.",
    "help.short.report": "The monthly report, in HTML or Markdown.",
    "help.short.history": "The snapshots kept by --history, and who moved.",
    "help.short.batch": "Classify many client files at once.",
    "help.short.suggest": "Criteria learned from a known outcome, judged on held-out customers.",
    "help.app": "Sort your customers into satisfied, easy to satisfy and unrecoverable, "
    "following the five-step portfolio method.",
    "help.version": "Show the version and exit.",
    "help.help": "Show this message and exit.",
    "help.classify": "Classify customers into satisfied, easy to satisfy and unrecoverable.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio classify customers.csv -c criteria.yaml\n"
    "    portfolio classify customers.csv -o classified.csv --keep-columns\n"
    "    portfolio classify customers.csv -f json --fail-under 70 > portfolio.json\n"
    "    portfolio classify customers.csv --segment easy_to_satisfy   # who to call first",
    "help.check": "Check the criteria file and show the five steps as a checklist.\n\n"
    "Exit 0 when it can be used (warnings included), 2 when it cannot.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio check -c criteria.yaml\n"
    "    portfolio check customers.csv",
    "help.explain": "Show one customer: each criterion and problem, true, false or unknown, "
    "with the values read.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio explain customers.csv C0114",
    "help.input": "Customer list (CSV, .xlsx or .parquet), or - to read CSV from standard input.",
    "help.check_input": "Optional customer list: also check its columns and types.",
    "help.customer_id": "The customer's id.",
    "help.criteria": "Criteria file. Default: $PORTFOLIO_CRITERIA, else ./criteria.yaml, else "
    "./criteria.yml.",
    "help.as_of": "Date the portfolio is judged on (YYYY-MM-DD): days_since() counts to it. "
    "Default: today.",
    "help.quiet": "No summary, warning or progress on success: only the output asked for "
    "(errors still go to stderr).",
    "help.debug": "Show the full traceback of an error.",
    "help.encoding": "Encoding of the input, e.g. cp1252 (default: detected: BOM, UTF-8, cp1252, "
    "latin-1).",
    "help.delimiter": "Field separator of a CSV input: , ; | or tab (default: detected).",
    "help.out_delimiter": "Field separator of CSV output: , ; | or tab (default: the input's "
    "own, a comma for xlsx and Parquet). A file written with -o and ';' starts with a BOM for "
    "Excel.",
    "help.lang": "Language of labels and messages: en or fr. Default: from LC_ALL, LC_MESSAGES "
    "or LANG. Column values and JSON keys stay the same.",
    "help.format": "table, csv, json, markdown or xlsx. Default: from -o's suffix, else table.",
    "help.explain_format": "table (for people) or json.",
    "help.output": "Write to this file (written whole, or not at all).",
    "help.keep_columns": "Append the input's own columns, as written.",
    "help.fail_under": "Exit 1 (after writing everything) when portfolio quality is below PCT %.",
    "help.init": "Write a criteria file by answering questions on the five steps of the method."
    "\n\n"
    "With --from, pick columns from a numbered list showing their type and a sample; each "
    "criterion is counted against the data as you enter it. An existing file is never replaced "
    "without asking (--force replaces it). --from INPUT --yes asks nothing (for scripts).\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio init --from customers.csv\n"
    "    portfolio init criteria.yaml --from customers.csv --yes",
    "help.init_path": "The criteria file to write.",
    "help.init_from": "A customer list: propose its columns and their quartiles, and count the "
    "customers who meet each criterion as you write it.",
    "help.init_yes": "No questions: write a sensible starting file (needs --from).",
    "help.init_force": "Replace PATH if it exists, without asking.",
    "help.profile": "Show what sets each segment's customers apart from the whole portfolio.\n\n"
    "For number columns, the segment's median against the portfolio's; for text columns, the "
    "values over-represented in the segment (share in segment, in portfolio, lift), ranked by "
    "how much they distinguish the segment. With --outcome, the outcome's rate per segment: do "
    'the "satisfied" customers really stay?\n\n'
    "Example:\n\n"
    "\b\n"
    "    portfolio profile customers.csv --top 3\n"
    "    portfolio profile telco.csv -c telco.yaml --outcome Churn",
    "help.profile_outcome": "A yes/no, 1/0 or true/false column the criteria do not read (e.g. "
    "Churn): show how often it happened in each segment.",
    "help.profile_top": "Characteristics shown per segment.",
    "help.profile_all_columns": "Also profile the columns the criteria read (left out by default).",
    "help.profile_format": "table, json or csv (default: from the -o suffix, else table).",
    "help.suggest": "Propose three criteria and up to three problems that best separate a known "
    "outcome, judged on customers held out.\n\n"
    "Each rule is one condition on one column of the list (a number threshold, a set of text "
    "values, a date recency), chosen on a training part (70 %, stratified, --seed; 5-fold "
    "cross-validation under 2,000 customers) and judged on the rest: the outcome's rate per "
    "segment and the AUC of criteria met, beside the same figures for -c FILE. Customers who "
    "meet a criterion have the bad event (--event) less often; a problem, at least 1.5 times "
    "more often. The outcome, columns that copy it, ids and free text are never read; with fewer "
    "than 30 events to learn from, nothing is suggested. -o writes a complete criteria file, "
    "each rule with its evidence; steps 1, 2 and 5 come from -c.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio suggest telco.csv --outcome Churn\n"
    "    portfolio suggest telco.csv --outcome Churn -c criteria.yaml -o suggested.yaml",
    "help.init_outcome": "A known outcome of the list (e.g. Churn): offer the criteria and "
    "problems portfolio suggest learns from it at steps 3 and 4 (needs --from).",
    "help.report_outcome": "A known outcome the criteria do not read (e.g. Churn): its rate per "
    "segment and per tenth of the call list.",
    "help.suggest_outcome": "The known outcome to learn from, a column of the list (e.g. Churn).",
    "help.suggest_event": "The outcome's value that is the bad event (default: yes/true/1, else "
    "the rarer of two values).",
    "help.suggest_criteria": "Your current criteria file: judged beside the suggestion, and its "
    "steps 1, 2 and 5 carried over into the file written.",
    "help.suggest_output": "Write the suggested criteria file here (.yaml).",
    "help.suggest_format": "table (for people) or json (the same figures, exact, for scripts).",
    "help.suggest_id": "The customer id column (default: from -c, else the column named like an "
    "id).",
    "help.suggest_seed": "Seed of the random split into a training and a held-out part.",
    "help.suggest_min_share": "Least share of customers (%) a rule must cover, and each segment "
    "must keep.",
    "help.limit": "Rows shown in the table format (0: all).",
    # Typer's own words, by their English text (see cli/help.py)
    "click.Arguments": "Arguments",
    "click.Options": "Options",
    "click.Commands": "Commands",
    "click.required": "required",
    "click.default: {default}": "default: {default}",
    "click.env var: {var}": "env var: {var}",
    "click.Missing command.": "Missing command.",
    "click.Aborted!": "Aborted!",
    "click.Install completion for the current shell.": "Install completion for the current shell.",
    "click.Show completion for the current shell, to copy it or customize the installation.": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
}

FR: dict[str, str] = {
    "help.short.classify": "Classe les clients dans les trois segments.",
    "help.short.check": "Vérifie le fichier de critères : les cinq étapes.",
    "help.short.explain": "Pourquoi un client est dans son segment.",
    "help.short.init": "Écrit un fichier de critères, étape par étape.",
    "help.short.profile": "Ce qui distingue les clients de chaque segment.",
    "help.short.report": "Le rapport mensuel, en HTML ou en Markdown.",
    "help.short.history": "Les instantanés gardés par --history, et qui a changé.",
    "help.short.batch": "Classe de nombreux fichiers clients d'un coup.",
    "help.short.suggest": "Des critères appris d'un résultat connu, jugés sur des clients mis "
    "de côté.",
    "help.app": "Classe vos clients en satisfaits, faciles à satisfaire et irrécupérables, "
    "selon la méthode du portefeuille en cinq étapes.",
    "help.version": "Affiche la version et quitte.",
    "help.help": "Affiche ce message et quitte.",
    "help.classify": "Classe les clients en satisfaits, faciles à satisfaire et "
    "irrécupérables.\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio classify clients.csv -c criteria.yaml\n"
    "    portfolio classify clients.csv -o classes.csv --keep-columns\n"
    "    portfolio classify clients.csv -f json --fail-under 70 > portefeuille.json\n"
    "    portfolio classify clients.csv --segment easy_to_satisfy   # qui appeler d'abord",
    "help.check": "Vérifie le fichier de critères et montre les cinq étapes sous forme de "
    "liste.\n\n"
    "Sort avec 0 s'il est utilisable (même avec des avertissements), 2 sinon.\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio check -c criteria.yaml\n"
    "    portfolio check clients.csv",
    "help.explain": "Montre un client : chaque critère et chaque problème, vrai, faux ou "
    "inconnu, avec les valeurs lues.\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio explain clients.csv C0114",
    "help.input": "Liste de clients (CSV, .xlsx ou .parquet), ou - pour lire un CSV sur l'entrée "
    "standard.",
    "help.check_input": "Liste de clients facultative : vérifie aussi ses colonnes et leurs types.",
    "help.customer_id": "L'identifiant du client.",
    "help.criteria": "Fichier de critères. Par défaut : $PORTFOLIO_CRITERIA, sinon "
    "./criteria.yaml, sinon ./criteria.yml.",
    "help.as_of": "Date à laquelle le portefeuille est jugé (AAAA-MM-JJ) : days_since() compte "
    "jusqu'à elle. Par défaut : aujourd'hui.",
    "help.quiet": "Ni résumé, ni avertissement, ni progression en cas de succès : seulement "
    "la sortie demandée (les erreurs vont toujours sur stderr).",
    "help.debug": "Montre la trace complète d'une erreur.",
    "help.encoding": "Encodage du fichier lu, par exemple cp1252 (par défaut : détecté).",
    "help.delimiter": "Séparateur de champs d'un CSV : , ; | ou tab (par défaut : détecté).",
    "help.out_delimiter": "Séparateur de champs du CSV écrit : , ; | ou tab (par défaut : celui "
    "de l'entrée, une virgule pour xlsx et Parquet). Un fichier écrit avec -o et ';' commence "
    "par un BOM pour Excel.",
    "help.lang": "Langue des libellés et des messages : en ou fr. Par défaut : selon LC_ALL, "
    "LC_MESSAGES ou LANG. Les valeurs des colonnes et les clés JSON ne changent pas.",
    "help.format": "table, csv, json, markdown ou xlsx. Par défaut : selon l'extension de -o, "
    "sinon table.",
    "help.explain_format": "table (pour les personnes) ou json.",
    "help.output": "Écrit dans ce fichier (en entier, ou pas du tout).",
    "help.keep_columns": "Ajoute les colonnes du fichier lu, telles qu'écrites.",
    "help.fail_under": "Sort avec 1 (après avoir tout écrit) si la qualité du portefeuille est "
    "sous PCT %.",
    "help.init": "Écrit un fichier de critères en répondant à des questions sur les cinq étapes "
    "de la méthode.\n\n"
    "Avec --from, choisissez les colonnes dans une liste numérotée qui montre leur type et un "
    "exemple ; chaque critère est compté sur les données dès que vous l'écrivez. Un fichier "
    "existant n'est jamais remplacé sans demander (--force le remplace). --from FICHIER --yes ne "
    "pose aucune question (pour les scripts).\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio init --from clients.csv\n"
    "    portfolio init criteres.yaml --from clients.csv --yes",
    "help.init_path": "Le fichier de critères à écrire.",
    "help.init_from": "Une liste de clients : propose ses colonnes et leurs quartiles, et compte "
    "les clients qui remplissent chaque critère pendant que vous l'écrivez.",
    "help.init_yes": "Aucune question : écrit un fichier de départ raisonnable (demande --from).",
    "help.init_force": "Remplace PATH s'il existe, sans demander.",
    "help.profile": "Montre ce qui distingue les clients de chaque segment de l'ensemble du "
    "portefeuille.\n\n"
    "Pour les colonnes de nombres, la médiane du segment face à celle du portefeuille ; pour les "
    "colonnes de texte, les valeurs surreprésentées dans le segment (part dans le segment, dans "
    "le portefeuille, rapport), classées selon ce qu'elles distinguent le segment. Avec "
    "--outcome, la fréquence du résultat observé par segment : les clients « satisfaits » "
    "restent-ils vraiment ?\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio profile clients.csv --top 3\n"
    "    portfolio profile telco.csv -c telco.yaml --outcome Churn",
    "help.profile_outcome": "Une colonne oui/non, 1/0 ou true/false que les critères ne lisent "
    "pas (par exemple Churn) : montre à quelle fréquence c'est arrivé dans chaque segment.",
    "help.profile_top": "Caractéristiques montrées par segment.",
    "help.profile_all_columns": "Examine aussi les colonnes lues par les critères (écartées par "
    "défaut).",
    "help.profile_format": "table, json ou csv (par défaut : selon l'extension de -o, sinon "
    "table).",
    "help.suggest": "Propose trois critères et jusqu'à trois problèmes qui séparent le mieux un "
    "résultat connu, jugés sur des clients mis de côté.\n\n"
    "Chaque règle est une condition sur une colonne de la liste (un seuil de nombre, un ensemble "
    "de valeurs de texte, une ancienneté de date), choisie sur une part d'apprentissage (70 %, "
    "stratifiée, --seed ; validation croisée en 5 parts sous 2 000 clients) et jugée sur le "
    "reste : le taux du résultat par segment et l'AUC des critères remplis, à côté des mêmes "
    "chiffres pour -c FICHIER. Les clients qui remplissent un critère ont moins souvent "
    "l'événement à éviter (--event) ; un problème, au moins 1,5 fois plus souvent. Le résultat, "
    "les colonnes qui le copient, les identifiants et le texte libre ne sont jamais lus ; avec "
    "moins de 30 cas pour apprendre, rien n'est proposé. -o écrit un fichier de critères complet, "
    "chaque règle avec ses preuves ; les étapes 1, 2 et 5 viennent de -c.\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio suggest telco.csv --outcome Churn\n"
    "    portfolio suggest telco.csv --outcome Churn -c criteres.yaml -o propose.yaml",
    "help.init_outcome": "Un résultat connu de la liste (par exemple Churn) : propose aux "
    "étapes 3 et 4 les critères et problèmes que portfolio suggest en apprend (demande --from).",
    "help.report_outcome": "Un résultat connu que les critères ne lisent pas (par exemple "
    "Churn) : sa fréquence par segment et par dixième de la liste d'appels.",
    "help.suggest_outcome": "Le résultat connu dont apprendre, une colonne de la liste (par "
    "exemple Churn).",
    "help.suggest_event": "La valeur du résultat qui est l'événement à éviter (par défaut : "
    "yes/true/1, sinon la plus rare de deux valeurs).",
    "help.suggest_criteria": "Votre fichier de critères actuel : jugé à côté de la proposition, "
    "et ses étapes 1, 2 et 5 reprises dans le fichier écrit.",
    "help.suggest_output": "Écrit ici le fichier de critères proposé (.yaml).",
    "help.suggest_format": "table (pour les gens) ou json (les mêmes chiffres, exacts, pour les "
    "scripts).",
    "help.suggest_id": "La colonne d'identifiant client (par défaut : celle de -c, sinon la "
    "colonne nommée comme un identifiant).",
    "help.suggest_seed": "Graine du tirage au hasard de la part d'apprentissage et de la part "
    "mise de côté.",
    "help.suggest_min_share": "Part minimale de clients (%) qu'une règle doit couvrir, et que "
    "chaque segment doit garder.",
    "help.limit": "Lignes montrées dans le format table (0 : toutes).",
    "click.Arguments": "Arguments",
    "click.Options": "Options",
    "click.Commands": "Commandes",
    "click.required": "obligatoire",
    "click.default: {default}": "par défaut : {default}",
    "click.env var: {var}": "variable d'environnement : {var}",
    "click.Missing command.": "Commande manquante.",
    "click.Aborted!": "Interrompu.",
    "click.Install completion for the current shell.": "Installe la complétion pour le shell "
    "courant.",
    "click.Show completion for the current shell, to copy it or customize the installation.": (
        "Montre la complétion pour le shell courant, pour la copier ou adapter l'installation."
    ),
}
