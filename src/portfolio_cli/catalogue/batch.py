"""Messages of `portfolio batch`: progress, failures and the closing line."""

EN: dict[str, str] = {
    "batch.progress": "Classifying",
    "batch.failed": "failed: {file}: {error}",
    "batch.unmatched": "no file matches {pattern}",
    "batch.no_inputs": "no input file to classify: name CSV files, globs or folders",
    "batch.done": "{ok} of {total} files classified, {customers} customers; wrote {folder}",
    "batch.some_failed": "{failed} of {total} files failed (see summary.csv)",
}

FR: dict[str, str] = {
    "batch.progress": "Classement",
    "batch.failed": "échec : {file} : {error}",
    "batch.unmatched": "aucun fichier ne correspond à {pattern}",
    "batch.no_inputs": (
        "aucun fichier à classer : indiquez des fichiers CSV, des motifs ou des dossiers"
    ),
    "batch.done": "{ok} fichiers classés sur {total}, {customers} clients ; écrit dans {folder}",
    "batch.some_failed": "{failed} fichiers en échec sur {total} (voir summary.csv)",
}
