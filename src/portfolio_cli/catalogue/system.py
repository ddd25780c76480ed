"""Messages about what the system refuses: a full disk, a closed or broken stream, a pipe read
as a file, and the limits that keep a hostile file from exhausting memory or the stack (the
size of a criteria file, its nesting, numbers and dates too large to hold).

`system.reason.<ERRNO>` words the operating system's reasons, which Python gives in English
only; an unlisted reason is shown as the system wrote it.
"""

EN: dict[str, str] = {
    "streams.stdout_failed": "cannot write to standard output: {reason}",
    "streams.stdout_closed": "cannot write to standard output: it is closed; send it to a file "
    "(> FILE) or use -o FILE",
    "streams.stdin_closed": "cannot read standard input: it is closed; give a file name "
    "instead of -",
    "streams.write_failed": "cannot write {path}: {reason}",
    "streams.os_error": "{path}: {reason}",
    "streams.os_error_bare": "system error: {reason}",
    "streams.out_of_memory": "not enough memory to finish; free some memory or split the input",
    "streams.symlink_loop": "cannot use {path}: its symbolic links form a loop",
    "streams.too_large": "{source} is larger than {limit}: a criteria file is a few kilobytes; "
    "check that -c names the right file",
    "streams.too_deep": "{source}: nested too deeply (more than {limit} levels) to be read",
    "streams.big_number": "{where}: the number {start}… has {digits} digits; at most {limit} "
    "are accepted",
    "streams.date_range": "{where}: {value} is too far in the future or the past to compute "
    "with; use a date between years 1 and 9999",
    "streams.as_of_range": "--as-of {value}: too close to the ends of the calendar to count "
    "from; use a date between years 1 and 9998",
    "streams.nested_column": "{source}: column '{column}' holds {kind} values; they are kept "
    "as text",
    "system.reason.ENOSPC": "no space left on device",
    "system.reason.EDQUOT": "disk quota exceeded",
    "system.reason.EFBIG": "file too large",
    "system.reason.EIO": "input/output error",
    "system.reason.EACCES": "permission denied",
    "system.reason.EPERM": "operation not permitted",
    "system.reason.EROFS": "read-only file system",
    "system.reason.ENOENT": "no such file or folder",
    "system.reason.ENOTDIR": "a part of the path is not a folder",
    "system.reason.EISDIR": "it is a folder",
    "system.reason.ENAMETOOLONG": "file name too long",
    "system.reason.ELOOP": "too many levels of symbolic links",
    "system.reason.ENXIO": "no such device or address",
    "system.reason.EBADF": "it is closed",
    "system.reason.EAGAIN": "resource temporarily unavailable",
    "system.reason.ENOMEM": "not enough memory",
}

FR: dict[str, str] = {
    "streams.stdout_failed": "impossible d'écrire sur la sortie standard : {reason}",
    "streams.stdout_closed": "impossible d'écrire sur la sortie standard : elle est fermée ; "
    "envoyez-la dans un fichier (> FICHIER) ou utilisez -o FICHIER",
    "streams.stdin_closed": "impossible de lire l'entrée standard : elle est fermée ; donnez un "
    "nom de fichier au lieu de -",
    "streams.write_failed": "impossible d'écrire {path} : {reason}",
    "streams.os_error": "{path} : {reason}",
    "streams.os_error_bare": "erreur système : {reason}",
    "streams.out_of_memory": "pas assez de mémoire pour terminer ; libérez de la mémoire ou "
    "découpez le fichier",
    "streams.symlink_loop": "impossible d'utiliser {path} : ses liens symboliques forment une "
    "boucle",
    "streams.too_large": "{source} dépasse {limit} : un fichier de critères fait quelques "
    "kilo-octets ; vérifiez que -c désigne le bon fichier",
    "streams.too_deep": "{source} : imbrication trop profonde (plus de {limit} niveaux) pour "
    "être lu",
    "streams.big_number": "{where} : le nombre {start}… a {digits} chiffres ; {limit} au plus "
    "sont acceptés",
    "streams.date_range": "{where} : {value} est trop loin dans le futur ou le passé pour "
    "calculer avec ; utilisez une date entre les années 1 et 9999",
    "streams.as_of_range": "--as-of {value} : trop près des bornes du calendrier pour compter "
    "à partir de cette date ; utilisez une date entre les années 1 et 9998",
    "streams.nested_column": "{source} : la colonne '{column}' contient des valeurs {kind} ; "
    "elles sont gardées comme texte",
    "system.reason.ENOSPC": "plus de place sur le disque",
    "system.reason.EDQUOT": "quota de disque dépassé",
    "system.reason.EFBIG": "fichier trop grand",
    "system.reason.EIO": "erreur d'entrée/sortie",
    "system.reason.EACCES": "permission refusée",
    "system.reason.EPERM": "opération non permise",
    "system.reason.EROFS": "système de fichiers en lecture seule",
    "system.reason.ENOENT": "fichier ou dossier introuvable",
    "system.reason.ENOTDIR": "une partie du chemin n'est pas un dossier",
    "system.reason.EISDIR": "c'est un dossier",
    "system.reason.ENAMETOOLONG": "nom de fichier trop long",
    "system.reason.ELOOP": "trop de niveaux de liens symboliques",
    "system.reason.ENXIO": "périphérique ou adresse inexistant",
    "system.reason.EBADF": "elle est fermée",
    "system.reason.EAGAIN": "ressource temporairement indisponible",
    "system.reason.ENOMEM": "pas assez de mémoire",
}
