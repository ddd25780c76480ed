"""Messages of `portfolio suggest`: criteria learned from a known outcome, and their evidence."""

EN: dict[str, str] = {
    "suggest.head": "Outcome '{column}', bad event '{event}' (choose it with --event): "
    "{events} of {total} customers ({rate}).",
    "suggest.unknown": "{count} customers with a blank '{column}' are left out.",
    "suggest.holdout": "Rules chosen on {train} customers, judged on {test} others held out "
    "({share}, stratified, seed {seed}).",
    "suggest.kfold": "Small list: rules judged by {folds}-fold cross-validation (each customer "
    "judged by rules chosen without them; stratified, seed {seed}); the rules written are chosen "
    "on all {total} customers.",
    "suggest.criteria_title": "Suggested criteria (most important first):",
    "suggest.problems_title": "Suggested problems:",
    "suggest.no_problem": "Suggested problems: none stands out (a problem needs a rate of "
    "'{event}' at least {lift} times the whole list's, on {share} of customers or more).",
    "suggest.evidence": "{outcome}={event} {rate_with} when met, {rate_without} otherwise; "
    "met by {covered} customers ({share})",
    "suggest.figures_title": "On the held-out customers (rate of '{event}', customers, share):",
    "suggest.figures_title_kfold": "On customers judged by rules chosen without them "
    "(rate of '{event}', customers, share):",
    "suggest.col_suggested": "suggested",
    "suggest.col_current": "current ({name})",
    "suggest.row_ratio": "Unrecoverable / satisfied",
    "suggest.row_auc": "AUC of criteria met",
    "suggest.cell": "{rate}  {count} ({share})",
    "suggest.times": "{value}×",
    "suggest.auc_note": "AUC: the chance that a customer without '{event}' meets more criteria "
    "than one with it (0.5 is chance, 1 is perfect).",
    "suggest.left_out": "Columns no rule reads: {columns}.",
    "suggest.copy": "column '{column}' equals the outcome '{outcome}' on {agreement} % of "
    "customers: it is a copy of it, no rule reads it",
    "suggest.reason.id": "id",
    "suggest.reason.name": "name",
    "suggest.reason.outcome": "outcome",
    "suggest.reason.copy": "copy of the outcome",
    "suggest.reason.empty": "empty",
    "suggest.reason.constant": "one value",
    "suggest.reason.code": "a code or coordinate",
    "suggest.reason.near-unique": "near-unique",
    "suggest.reason.too-many-values": "too many values",
    "suggest.hint_output": "Add -o suggested.yaml to write them as a criteria file.",
    "suggest.hint_check": "Check it with: portfolio check {path}",
    "suggest.too_few": "Too few outcomes to learn from: the training part holds only {count} "
    "customers of the rarer value of '{column}' (at least {least} are needed). Nothing is "
    "suggested: rules found on so few customers would fit chance, not your customers.",
    "suggest.nothing": "No condition on one column separates '{column}' on enough customers: "
    "nothing is suggested.",
    "suggest.nothing_written": "No file written.",
    "suggest.error.outcome": "--outcome: {detail}",
    "suggest.error.event": "--event {value}: column '{column}' never holds this value; its "
    "values: {values}",
    "suggest.error.one_value": "--outcome {column}: the column holds a single value, there is "
    "nothing to learn from it",
    "suggest.error.which": "--outcome {column} holds more than two values ({values}): say which "
    "one is the bad event with --event VALUE",
    "suggest.error.min_share": "--min-share takes a percentage of customers from 0 to 50",
    "suggest.error.id": "--id {column}: {detail}",
    "suggest.error.no_id": "column '{column}' looks like the customer id but holds '{value}' "
    "twice: name the id column with --id COLUMN (or give a criteria file with -c)",
    "suggest.file_header": "Criteria suggested by `portfolio suggest` for {outcome}={event}: "
    "read each rule, keep it, edit it or drop it.",
    "suggest.file_judged": "On {count} customers held out: AUC of criteria met {auc}; rate in "
    "satisfied {satisfied}, easy to satisfy {easy}, unrecoverable {unrecoverable}.",
    "suggest.file_kfold": "By cross-validation on {count} customers: AUC of criteria met {auc}; "
    "rate in satisfied {satisfied}, easy to satisfy {easy}, unrecoverable {unrecoverable}.",
    "suggest.reason.unwritable": "a backtick in its name",
    "suggest.error.format": "unknown format '{value}': use table or json",
    "suggest.file_evidence": "The comment above each rule: what it did on the customers it was "
    "chosen on.",
    "suggest.file_check": "Check this file with `portfolio check`, and judge it again with "
    "`portfolio profile --outcome`.",
    "suggest.file_copies": "Never read (copies of the outcome): {columns}",
    "suggest.file_fill_definition": "say what satisfied means",
    "suggest.file_fill_order": "who comes first among equals",
    "suggest.init.needs_from": "--outcome needs --from INPUT: the outcome is a column of the "
    "customer list",
    "suggest.init.figures": "Learned from '{column}' (bad event '{event}'), judged on {count} "
    "customers held out: AUC {auc}, '{event}' {ratio} times as frequent in unrecoverable as in "
    "satisfied.",
    "suggest.init.criterion": "Suggested criterion {number}: {when}",
    "suggest.init.problem": "Suggested problem {number}: {when}",
    "suggest.init.ask": "Keep it, edit it or refuse it? (k/e/r)",
    "suggest.init.keep": "k",
    "suggest.init.ask_edit": "Condition",
    "suggest.init.answer": "Answer k (keep), e (edit) or r (refuse).",
}

FR: dict[str, str] = {
    "suggest.head": "Résultat « {column} », événement à éviter « {event} » (à choisir avec "
    "--event) : {events} clients sur {total} ({rate}).",
    "suggest.unknown": "{count} clients dont « {column} » est vide sont laissés de côté.",
    "suggest.holdout": "Règles choisies sur {train} clients, jugées sur {test} autres mis de "
    "côté ({share}, stratifié, graine {seed}).",
    "suggest.kfold": "Petite liste : règles jugées par validation croisée en {folds} parts "
    "(chaque client jugé par des règles choisies sans lui ; stratifié, graine {seed}) ; les "
    "règles écrites sont choisies sur les {total} clients.",
    "suggest.criteria_title": "Critères proposés (le plus important d’abord) :",
    "suggest.problems_title": "Problèmes proposés :",
    "suggest.no_problem": "Problèmes proposés : aucun ne se détache (un problème demande un "
    "taux de « {event} » au moins {lift} fois celui de toute la liste, sur {share} des clients "
    "ou plus).",
    "suggest.evidence": "{outcome}={event} {rate_with} si rempli, {rate_without} sinon ; "
    "rempli par {covered} clients ({share})",
    "suggest.figures_title": "Sur les clients mis de côté (taux de « {event} », clients, part) :",
    "suggest.figures_title_kfold": "Sur les clients jugés par des règles choisies sans eux "
    "(taux de « {event} », clients, part) :",
    "suggest.col_suggested": "proposés",
    "suggest.col_current": "actuels ({name})",
    "suggest.row_ratio": "Irrécupérables / satisfaits",
    "suggest.row_auc": "AUC des critères remplis",
    "suggest.cell": "{rate}  {count} ({share})",
    "suggest.times": "{value}×",
    "suggest.auc_note": "AUC : la probabilité qu’un client sans « {event} » remplisse plus de "
    "critères qu’un client avec (0,5 : le hasard, 1 : parfait).",
    "suggest.left_out": "Colonnes qu’aucune règle ne lit : {columns}.",
    "suggest.copy": "la colonne « {column} » est égale au résultat « {outcome} » pour "
    "{agreement} % des clients : c’en est une copie, aucune règle ne la lit",
    "suggest.reason.id": "identifiant",
    "suggest.reason.name": "nom",
    "suggest.reason.outcome": "résultat",
    "suggest.reason.copy": "copie du résultat",
    "suggest.reason.empty": "vide",
    "suggest.reason.constant": "une seule valeur",
    "suggest.reason.code": "un code ou une coordonnée",
    "suggest.reason.near-unique": "presque toutes différentes",
    "suggest.reason.too-many-values": "trop de valeurs",
    "suggest.hint_output": "Ajoutez -o suggested.yaml pour les écrire dans un fichier de critères.",
    "suggest.hint_check": "Vérifiez-le avec : portfolio check {path}",
    "suggest.too_few": "Trop peu de cas pour apprendre : la part d’apprentissage ne compte que "
    "{count} clients de la valeur la plus rare de « {column} » (il en faut au moins {least}). "
    "Rien n’est proposé : des règles trouvées sur si peu de clients suivraient le hasard, pas "
    "vos clients.",
    "suggest.nothing": "Aucune condition sur une colonne ne sépare « {column} » sur assez de "
    "clients : rien n’est proposé.",
    "suggest.nothing_written": "Aucun fichier écrit.",
    "suggest.error.outcome": "--outcome : {detail}",
    "suggest.error.event": "--event {value} : la colonne « {column} » ne contient jamais cette "
    "valeur ; ses valeurs : {values}",
    "suggest.error.one_value": "--outcome {column} : la colonne ne contient qu’une valeur, il "
    "n’y a rien à en apprendre",
    "suggest.error.which": "--outcome {column} contient plus de deux valeurs ({values}) : "
    "indiquez celle de l’événement à éviter avec --event VALEUR",
    "suggest.error.min_share": "--min-share prend un pourcentage de clients de 0 à 50",
    "suggest.error.id": "--id {column} : {detail}",
    "suggest.error.no_id": "la colonne « {column} » ressemble à l’identifiant client mais "
    "contient « {value} » deux fois : nommez la colonne d’identifiant avec --id COLONNE (ou "
    "donnez un fichier de critères avec -c)",
    "suggest.file_header": "Critères proposés par `portfolio suggest` pour {outcome}={event} : "
    "lisez chaque règle, gardez-la, modifiez-la ou retirez-la.",
    "suggest.file_judged": "Sur {count} clients mis de côté : AUC des critères remplis {auc} ; "
    "taux chez les satisfaits {satisfied}, faciles à satisfaire {easy}, irrécupérables "
    "{unrecoverable}.",
    "suggest.file_kfold": "Par validation croisée sur {count} clients : AUC des critères "
    "remplis {auc} ; taux chez les satisfaits {satisfied}, faciles à satisfaire {easy}, "
    "irrécupérables {unrecoverable}.",
    "suggest.reason.unwritable": "un accent grave (`) dans son nom",
    "suggest.error.format": "format inconnu « {value} » : utilisez table ou json",
    "suggest.file_evidence": "Le commentaire au-dessus de chaque règle : ce qu’elle a donné sur "
    "les clients sur lesquels elle a été choisie.",
    "suggest.file_check": "Vérifiez ce fichier avec `portfolio check`, et jugez-le à nouveau "
    "avec `portfolio profile --outcome`.",
    "suggest.file_copies": "Jamais lues (copies du résultat) : {columns}",
    "suggest.file_fill_definition": "dites ce que veut dire satisfait",
    "suggest.file_fill_order": "qui passe d’abord à égalité",
    "suggest.init.needs_from": "--outcome demande --from LISTE : le résultat est une colonne de "
    "la liste de clients",
    "suggest.init.figures": "Appris de « {column} » (événement à éviter « {event} »), jugé sur "
    "{count} clients mis de côté : AUC {auc}, « {event} » {ratio} fois plus fréquent chez les "
    "irrécupérables que chez les satisfaits.",
    "suggest.init.criterion": "Critère proposé {number} : {when}",
    "suggest.init.problem": "Problème proposé {number} : {when}",
    "suggest.init.ask": "Le garder, le modifier ou le refuser ? (g/m/r)",
    "suggest.init.keep": "g",
    "suggest.init.ask_edit": "Condition",
    "suggest.init.answer": "Répondez g (garder), m (modifier) ou r (refuser).",
}
