/// Every message of `steer check`, in English and French. `{0}`, `{1}`… are arguments.
enum WordingTable {
  static let entries: [String: (en: String, fr: String)] = [
    // Nouns and fragments
    "noun.field": ("field", "champ"),
    "noun.key": ("key", "clé"),
    "noun.fields": ("fields", "champs"),
    "noun.rules": ("rules", "règles"),
    "noun.metrics": ("metrics a gate can name", "indicateurs qu'un seuil peut nommer"),
    "noun.a_mapping": ("a mapping", "une table"),
    "noun.a_list": ("a list", "une liste"),
    "noun.configuration": ("the configuration", "la configuration"),
    "hint.did_you_mean": ("did you mean '{0}'?", "vouliez-vous dire « {0} » ?"),
    "hint.candidates": ("the {0} are: {1}", "les {0} sont : {1}"),
    // schema
    "schema.not_mapping": (
      "the front matter must be a mapping of fields (`name: value` lines)",
      "l'en-tête doit être une table de champs (des lignes `nom: valeur`)"
    ),
    "schema.not_mapping.hint": (
      "write one field per line, for example `title: …`", "écrivez un champ par ligne, par exemple `title: …`"
    ),
    "schema.entry_not_mapping": (
      "{0} must be a mapping of fields, found {1}", "{0} doit être une table de champs, et non {1}"
    ),
    "schema.entry_not_mapping.hint": (
      "write its fields as `name: value` lines: {0}", "écrivez ses champs en lignes `nom: valeur` : {0}"
    ),
    "schema.unknown_field": ("unknown field '{0}' in {1}", "champ inconnu « {0} » dans {1}"),
    "schema.required_empty": ("required field '{0}' has no value", "le champ obligatoire « {0} » n'a pas de valeur"),
    "schema.required_missing": (
      "required field '{0}' is missing in {1}", "le champ obligatoire « {0} » manque dans {1}"
    ),
    "schema.wrong_type": ("'{0}' must be {1}, found {2}", "« {0} » doit être {1}, et non {2}"),
    "schema.list.hint": (
      "write a list, e.g. `{0}: [{1}]`, or one `- ` line per entry",
      "écrivez une liste, par exemple `{0}: [{1}]`, ou une ligne `- ` par élément"
    ),
    "schema.too_short": (
      "'{0}' needs at least {1} entries, found {2}", "« {0} » demande au moins {1} éléments, il y en a {2}"
    ),
    "schema.too_short.one": (
      "'{0}' needs at least {1} entry, found {2}", "« {0} » demande au moins {1} élément, il y en a {2}"
    ),
    "schema.in_field": (" in '{0}'", " dans « {0} »"),
    "schema.entry_of": ("an entry of '{0}'", "un élément de « {0} »"),
    "schema.quote_colon.hint": (
      "text that contains ': ' must be quoted: \"…\"", "un texte qui contient « : » doit être entre guillemets : \"…\""
    ),
    "schema.key_not_word": ("a {0}{1} must be a plain word", "un nom de {0}{1} doit être un simple mot"),
    "schema.duplicate_key": (
      "duplicate {0} '{1}'{2} (first written on line {3})", "{0} « {1} » en double{2} (déjà écrit ligne {3})"
    ),
    "schema.duplicate_key.hint": ("keep one of the two", "gardez l'un des deux"),
    "schema.tag": ("the YAML tag '{0}' is not supported", "l'étiquette YAML « {0} » n'est pas prise en charge"),
    "schema.tag.hint": ("remove the tag", "retirez l'étiquette"),
    "schema.boolean": (
      "'{0}' is '{1}', which YAML reads as a true/false value, not as text",
      "« {0} » vaut « {1} », que YAML lit comme un booléen (vrai/faux) et non comme du texte"
    ),
    "schema.boolean.hint": ("quote it: \"{0}\"", "mettez-le entre guillemets : \"{0}\""),
    "schema.date.unreal": (
      "'{0}' is '{1}', which is not a real calendar date", "« {0} » vaut « {1} », qui n'est pas une date du calendrier"
    ),
    "schema.date.format": (
      "'{0}' is '{1}', which is not a date in the form YYYY-MM-DD",
      "« {0} » vaut « {1} », qui n'est pas une date de la forme AAAA-MM-JJ"
    ),
    "schema.date.hint": (
      "write the date as YYYY-MM-DD, e.g. 2026-11-21",
      "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-11-21"
    ),
    "schema.number": ("'{0}' must be a number, found '{1}'", "« {0} » doit être un nombre, et non « {1} »"),
    "schema.number.quoted": (
      "'{0}' must be a number, found the text \"{1}\"", "« {0} » doit être un nombre, et non le texte \"{1}\""
    ),
    "schema.number.hint": ("write a decimal number such as 12 or 3.5", "écrivez un nombre décimal comme 12 ou 3.5"),
    "schema.number.quoted.hint": ("remove the quotes", "retirez les guillemets"),
    "schema.minimum": ("'{0}' must be at least {1}, found {2}", "« {0} » doit valoir au moins {1}, et non {2}"),
    "schema.integer": (
      "'{0}' must be a whole number from {1} to {2}, found '{3}'",
      "« {0} » doit être un entier de {1} à {2}, et non « {3} »"
    ),
    "schema.id": ("'{0}' is not a valid {1} id", "« {0} » n'est pas un identifiant {2} valide"),
    "schema.id.hint": (
      "ids use lowercase letters a-z, digits and '-', start with a letter or digit, and have at most 64 characters",
      "un identifiant s'écrit en minuscules a-z, chiffres et « - », commence par une lettre ou un chiffre, et compte au plus 64 caractères"
    ),
    "schema.choice": ("'{0}' is '{1}', which is not one of: {2}", "« {0} » vaut « {1} », qui n'est pas l'un de : {2}"),
    "schema.tag_word": ("'{0}' is not a valid tag", "« {0} » n'est pas une étiquette valide"),
    "schema.tag_word.hint": (
      "a tag is one short lowercase word (letters, digits and '-', at most {0} characters)",
      "une étiquette est un mot court en minuscules (lettres, chiffres et « - », au plus {0} caractères)"
    ),
    "schema.unknown_rule": ("unknown rule '{0}'", "règle inconnue « {0} »"),
    "schema.reading_rule": (
      "the reading rule '{0}' cannot be re-graded: it is always an error",
      "la règle de lecture « {0} » ne peut pas être reclassée : c'est toujours une erreur"
    ),
    "schema.unknown_metric": ("unknown metric '{0}'", "indicateur inconnu « {0} »"),
    "schema.add_block.hint": ("add `{0}:` followed by {1}", "ajoutez `{0}:` suivi de {1}"),
    "schema.add.hint": ("add `{0}: …` with {1}", "ajoutez `{0}: …` avec {1}"),
    "schema.file_name": (
      "the file name '{0}.md' is not a valid id", "le nom de fichier « {0}.md » n'est pas un identifiant valide"
    ),
    "schema.file_name.hint": (
      "rename the file: ids use lowercase letters a-z, digits and '-', at most 64 characters",
      "renommez le fichier : un identifiant s'écrit en minuscules a-z, chiffres et « - », au plus 64 caractères"
    ),
    "schema.misplaced": (
      "'{0}' is not in a ledger directory, so its kind is unknown",
      "« {0} » n'est dans aucun répertoire du registre : son type est inconnu"
    ),
    "schema.misplaced.suggest": (
      "did you mean '{0}/'? Documents stand in: {1}", "vouliez-vous dire « {0}/ » ? Les documents se rangent dans : {1}"
    ),
    "schema.misplaced.hint": (
      "move it into one of {0}, or start its name with '_' to keep it out of the ledger",
      "déplacez-le dans l'un de {0}, ou faites commencer son nom par « _ » pour l'exclure du registre"
    ),
    "schema.no_vision": ("the ledger has no {0}", "le registre n'a pas de {0}"),
    "schema.no_vision.hint": (
      "create it with `steer new vision \"Title\"`, or start a ledger with `steer init`",
      "créez-la avec `steer new vision \"Titre\"`, ou commencez un registre avec `steer init`"
    ),
    "schema.config_ledger": (
      "'ledger' is '{0}', which is not a directory inside the repository",
      "« ledger » vaut « {0} », qui n'est pas un répertoire du dépôt"
    ),
    "schema.config_ledger.hint": (
      "write a path relative to the repository root, such as `vision`",
      "écrivez un chemin relatif à la racine du dépôt, comme `vision`"
    ),
    // front-matter
    "frontmatter.utf8": (
      "the file is not valid UTF-8 (first bad byte at line {0}, column {1})",
      "le fichier n'est pas en UTF-8 valide (premier octet fautif ligne {0}, colonne {1})"
    ),
    "frontmatter.utf8.hint": ("save the file as UTF-8", "enregistrez le fichier en UTF-8"),
    "frontmatter.missing": (
      "no front matter: a ledger document starts with a line '---'",
      "pas d'en-tête : un document du registre commence par une ligne « --- »"
    ),
    "frontmatter.missing.hint": (
      "start the file with '---', the YAML fields, then another '---' line",
      "commencez le fichier par « --- », puis les champs YAML, puis une autre ligne « --- »"
    ),
    "frontmatter.unterminated": (
      "the front matter opened on line 1 is never closed", "l'en-tête ouvert ligne 1 n'est jamais fermé"
    ),
    "frontmatter.unterminated.hint": (
      "add a line '---' after the last field", "ajoutez une ligne « --- » après le dernier champ"
    ),
    "frontmatter.too_large": (
      "the file is {0} KiB; ledger documents are limited to {1} MiB",
      "le fichier fait {0} Kio ; les documents du registre sont limités à {1} Mio"
    ),
    "frontmatter.too_large.hint": (
      "move long material out of the ledger and link to it", "sortez les contenus longs du registre et faites-y un lien"
    ),
    "frontmatter.unreadable": ("the file could not be read: {0}", "le fichier n'a pas pu être lu : {0}"),
    "yaml.memory": (
      "the YAML parser could not start (out of memory)", "l'analyseur YAML n'a pas pu démarrer (mémoire épuisée)"
    ),
    "yaml.documents": ("more than one YAML document", "plus d'un document YAML"),
    "yaml.documents.hint": (
      "front matter holds a single mapping of fields", "l'en-tête contient une seule table de champs"
    ),
    "yaml.syntax": ("YAML syntax error: {0}", "erreur de syntaxe YAML : {0}"),
    "yaml.syntax.hint": (
      "check the indentation, and quote values that contain ': ', ' #' or start with a special character",
      "vérifiez l'indentation, et mettez entre guillemets les valeurs qui contiennent « : » ou « # », ou commencent par un caractère spécial"
    ),
    "yaml.depth": ("YAML nested deeper than {0} levels", "YAML imbriqué sur plus de {0} niveaux"),
    "yaml.depth.hint": (
      "front matter fields are at most a few levels deep", "les champs d'en-tête ont au plus quelques niveaux"
    ),
    "yaml.anchors": (
      "YAML anchors and aliases (& and *) are not allowed in front matter",
      "les ancres et alias YAML (& et *) ne sont pas admis dans l'en-tête"
    ),
    "yaml.anchors.hint": (
      "write the value out in full; if '&' or '*' starts a text, quote it",
      "écrivez la valeur en entier ; si « & » ou « * » commence un texte, mettez-le entre guillemets"
    ),
    "config.utf8": ("the file is not valid UTF-8", "le fichier n'est pas en UTF-8 valide"),
    "config.utf8.hint": ("save it as UTF-8", "enregistrez-le en UTF-8"),
    // rules
    "rule.capacity.unit": ("effort", "d'effort"),
    "rule.capacity": (
      "iteration '{0}' plans {1} {2} of work for a capacity of {3}",
      "l'itération « {0} » prévoit {1} {2} de travail pour une capacité de {3}"
    ),
    "rule.capacity.hint": (
      "move {0} {1} to a later iteration, or raise the capacity",
      "reportez {0} {1} sur une itération suivante, ou augmentez la capacité"
    ),
    "rule.co-construction": ("'{0}' is at '{1}' but has had {2}", "« {0} » est en phase « {1} » mais n'a eu {2}"),
    "rule.co-construction.hint": (
      "hold the missing workshops with its users: steer new workshop \"…\"",
      "tenez les ateliers manquants avec ses usagers : steer new workshop \"…\""
    ),
    "rule.co-construction.no_analysis": ("no analysis workshop", "aucun atelier d'analyse"),
    "rule.co-construction.no_ideation": ("no ideation workshop", "aucun atelier d'idéation"),
    "rule.co-construction.no_users": (
      "no users listed, so none took part", "aucun usager désigné, donc aucun n'a participé"
    ),
    "rule.co-construction.absent_users": (
      "none of its users ({0}) took part in its workshops", "aucun de ses usagers ({0}) n'a participé à ses ateliers"
    ),
    "rule.co-construction.and": (", and ", ", et "),
    "rule.dangling.file_name": ("the file name '{0}.md' names", "le nom de fichier « {0}.md » désigne"),
    "rule.dangling.field": ("'{0}' names", "« {0} » désigne"),
    "rule.dangling": (
      "{0} '{1}', but there is no {2} with that id",
      "{0} « {1} », mais aucun élément de type « {2} » ne porte cet identifiant"
    ),
    "rule.dangling.kind": ("{0} '{1}', which is {2}, not {3}", "{0} « {1} », qui est de type « {4} » et non « {5} »"),
    "rule.dangling.kind.hint": ("use the id of {0}", "utilisez un identifiant de type « {1} »"),
    "rule.dangling.create": ("create {0}, or fix the id", "créez {0}, ou corrigez l'identifiant"),
    "rule.dangling.axis": (
      "add the axis to `axes` in {0}, or fix the id", "ajoutez l'axe à `axes` dans {0}, ou corrigez l'identifiant"
    ),
    "rule.dangling.step": (
      "add the step to `rollout` in {0}, or fix the id",
      "ajoutez l'étape à `rollout` dans {0}, ou corrigez l'identifiant"
    ),
    "rule.dangling.indicator": (
      "add the indicator to an objective's `indicators`, or fix the id",
      "ajoutez l'indicateur aux `indicators` d'un objectif, ou corrigez l'identifiant"
    ),
    "rule.dependency-cycle": ("'{0}' depends on itself: {1}", "« {0} » dépend de lui-même : {1}"),
    "rule.dependency-cycle.hint": (
      "remove one of these dependencies: a cycle can never be deployed",
      "retirez l'une de ces dépendances : un cycle ne peut jamais être déployé"
    ),
    "rule.dependency-order": (
      "iteration '{0}' plans '{1}' to reach '{2}', but its dependency '{3}' is at '{4}' and {5}",
      "l'itération « {0} » prévoit de porter « {1} » en « {2} », mais sa dépendance « {3} » est en « {4} » et {5}"
    ),
    "rule.dependency-order.later": ("it is planned for '{0}', later", "elle n'est prévue que pour « {0} », plus tard"),
    "rule.dependency-order.never": ("no iteration plans to deploy it", "aucune itération ne prévoit de la déployer"),
    "rule.dependency-order.hint": (
      "plan '{0}' to reach 'deployed' in '{1}' or earlier, or drop the dependency",
      "prévoyez « {0} » en « deployed » dans « {1} » ou avant, ou retirez la dépendance"
    ),
    "rule.duplicate-id": (
      "the id '{0}' ({1}) is already used by {2} {3}",
      "l'identifiant « {0} » ({1}) est déjà pris par un élément de type « {4} » {3}"
    ),
    "rule.duplicate-id.line": ("on line {0}", "ligne {0}"),
    "rule.duplicate-id.file": ("in {0}", "dans {0}"),
    "rule.duplicate-id.hint": (
      "ids are unique across the whole ledger: rename one of them",
      "les identifiants sont uniques dans tout le registre : renommez l'un des deux"
    ),
    "rule.endorsement": (
      "no {0} stakeholder endorses the vision", "aucune partie prenante du groupe « {0} » ne soutient la vision"
    ),
    "rule.endorsement.none": ("none", "aucune"),
    "rule.endorsement.empty": (" (the ledger has none)", " (le registre n'en compte aucune)"),
    "rule.endorsement.stances": (" (latest stances: {0})", " (dernières positions : {0})"),
    "rule.endorsement.hint": (
      "hear their reservations and record a new endorsement, or change `required_endorsements` in .steer.yaml",
      "entendez leurs réserves et consignez un nouveau soutien, ou modifiez `required_endorsements` dans .steer.yaml"
    ),
    "rule.gate.undefined": (
      "gate '{0}' cannot be met: the metric is undefined for this ledger",
      "le seuil « {0} » ne peut pas être tenu : l'indicateur n'est pas défini pour ce registre"
    ),
    "rule.gate.undefined.hint": (
      "`steer metrics` says why it is undefined; remove the gate until the ledger can measure it",
      "`steer metrics` dit pourquoi ; retirez le seuil jusqu'à ce que le registre permette de le mesurer"
    ),
    "rule.gate": (
      "gate '{0}' is not met: {1} is below the minimum {2}",
      "le seuil « {0} » n'est pas tenu : {1} est sous le minimum {2}"
    ),
    "rule.gate.hint": (
      "`steer metrics` shows what the number is made of", "`steer metrics` montre de quoi ce nombre est fait"
    ),
    "rule.indicator.flat": (
      "indicator '{0}' has its target equal to its baseline ({1}): it cannot show progress",
      "l'indicateur « {0} » a une cible égale à sa référence ({1}) : il ne peut pas montrer de progrès"
    ),
    "rule.indicator.flat.hint": ("set the value the objective aims at", "indiquez la valeur visée par l'objectif"),
    "rule.indicator.above": (
      "indicator '{0}' says '{1}', but its target ({2}) is above its baseline ({3})",
      "l'indicateur « {0} » indique « {1} », mais sa cible ({2}) est au-dessus de sa référence ({3})"
    ),
    "rule.indicator.below": (
      "indicator '{0}' says '{1}', but its target ({2}) is below its baseline ({3})",
      "l'indicateur « {0} » indique « {1} », mais sa cible ({2}) est en dessous de sa référence ({3})"
    ),
    "rule.indicator.direction.hint": (
      "write `direction: {0}`, or check the baseline and target",
      "écrivez `direction: {0}`, ou vérifiez la référence et la cible"
    ),
    "rule.indicator.horizon": (
      "indicator '{0}' is due on {1}, after the vision's horizon ({2})",
      "l'indicateur « {0} » est attendu le {1}, après l'horizon de la vision ({2})"
    ),
    "rule.indicator.horizon.hint": (
      "bring the target date within the horizon, or move the horizon in vision.md",
      "ramenez la date cible avant l'horizon, ou repoussez l'horizon dans vision.md"
    ),
    "rule.iteration-dates": (
      "iteration '{0}' starts on {1}, after it ends on {2}", "l'itération « {0} » commence le {1}, après sa fin le {2}"
    ),
    "rule.iteration-dates.hint": (
      "swap the dates, or fix the one that is mistyped", "inversez les dates, ou corrigez celle qui est erronée"
    ),
    "rule.iteration-overlap": (
      "iteration '{0}' ({1} → {2}) overlaps '{3}' ({4} → {5}) by {6} days",
      "l'itération « {0} » ({1} → {2}) chevauche « {3} » ({4} → {5}) de {6} jours"
    ),
    "rule.iteration-overlap.one": (
      "iteration '{0}' ({1} → {2}) overlaps '{3}' ({4} → {5}) by {6} day",
      "l'itération « {0} » ({1} → {2}) chevauche « {3} » ({4} → {5}) de {6} jour"
    ),
    "rule.iteration-overlap.hint": (
      "start it on {0} or later, or end '{1}' earlier",
      "faites-la commencer le {0} ou après, ou terminez « {1} » plus tôt"
    ),
    "rule.iteration-status.order": (
      "iteration '{0}' is closed, but it starts after '{1}', which is still {2}",
      "l'itération « {0} » est close, mais elle commence après « {1} », encore à l'état « {2} »"
    ),
    "rule.iteration-status.order.hint": (
      "close '{0}' first, or check the dates and statuses of both",
      "clôturez d'abord « {0} », ou vérifiez les dates et états des deux"
    ),
    "rule.iteration-status.active": (
      "iteration '{0}' is active, but '{1}' is already active: one iteration runs at a time",
      "l'itération « {0} » est en cours, mais « {1} » l'est déjà : une seule itération à la fois"
    ),
    "rule.iteration-status.active.hint": (
      "close '{0}', or set this one back to planned", "clôturez « {0} », ou remettez celle-ci à l'état prévu"
    ),
    "rule.missing-retro": (
      "iteration '{0}' is closed but has no retrospective",
      "l'itération « {0} » est close mais n'a pas de rétrospective"
    ),
    "rule.missing-retro.hint": ("write it: steer new retro {0}", "rédigez-la : steer new retro {0}"),
    "rule.orphan-objective": (
      "objective '{0}' is active, but no live use case serves it",
      "l'objectif « {0} » est actif, mais aucun cas d'usage vivant ne le sert"
    ),
    "rule.orphan-objective.hint": (
      "add it to a use case's `objectives`, or set `status: retired`",
      "ajoutez-le aux `objectives` d'un cas d'usage, ou indiquez `status: retired`"
    ),
    "rule.overdue-action": (
      "the action \"{0}\" ({1}) is still open, but it was due by '{2}', which is closed",
      "l'action « {0} » ({1}) est toujours ouverte, alors qu'elle était attendue pour « {2} », désormais close"
    ),
    "rule.overdue-action.hint": (
      "mark it done or dropped, or give it a later due iteration",
      "marquez-la faite ou abandonnée, ou donnez-lui une échéance plus tardive"
    ),
    "rule.phase-regression.abandoned": (
      "iteration '{0}' plans '{1}', which is abandoned", "l'itération « {0} » prévoit « {1} », qui est abandonné"
    ),
    "rule.phase-regression.abandoned.hint": (
      "remove the item, or revive the use case by setting its phase",
      "retirez l'élément, ou relancez le cas d'usage en fixant sa phase"
    ),
    "rule.phase-regression.current": (
      "iteration '{0}' plans '{1}' to reach '{2}', but it is already at '{3}'",
      "l'itération « {0} » prévoit de porter « {1} » en « {2} », mais il est déjà en « {3} »"
    ),
    "rule.phase-regression.current.hint": (
      "target a phase after '{0}', or remove the item", "visez une phase après « {0} », ou retirez l'élément"
    ),
    "rule.phase-regression.earlier": (
      "iteration '{0}' plans '{1}' to reach '{2}', but the earlier iteration '{3}' already plans '{4}'",
      "l'itération « {0} » prévoit de porter « {1} » en « {2} », mais l'itération antérieure « {3} » prévoit déjà « {4} »"
    ),
    "rule.phase-regression.earlier.hint": (
      "a use case moves forward: target '{0}' or later here", "un cas d'usage avance : visez ici « {0} » ou au-delà"
    ),
    "rule.rollout-order": (
      "'{0}' is {1} on '{2}', but nothing is deployed yet on the earlier step '{3}'",
      "« {0} » est en « {1} » sur « {2} », mais rien n'est encore déployé sur l'étape antérieure « {3} »"
    ),
    "rule.rollout-order.hint": (
      "the rollout is {0}: deploy on earlier steps first, or revise the order in vision.md",
      "le déploiement suit {0} : déployez d'abord les étapes antérieures, ou révisez l'ordre dans vision.md"
    ),
    "rule.stale-measurement.before": (
      "the measurement of '{0}' is dated {1}, before the indicator's baseline date ({2})",
      "la mesure de « {0} » est datée du {1}, avant la date de référence de l'indicateur ({2})"
    ),
    "rule.stale-measurement.before.hint": (
      "check the date, or move the baseline", "vérifiez la date, ou déplacez la référence"
    ),
    "rule.stale-measurement.after": (
      "the measurement of '{0}' is dated {1}, after this retrospective ({2})",
      "la mesure de « {0} » est datée du {1}, après cette rétrospective ({2})"
    ),
    "rule.stale-measurement.after.hint": (
      "report it in the retrospective of a later iteration",
      "reportez-la dans la rétrospective d'une itération suivante"
    ),
    "rule.unaligned-item": (
      "iteration '{0}' plans '{1}', which serves no active objective ({2})",
      "l'itération « {0} » prévoit « {1} », qui ne sert aucun objectif actif ({2})"
    ),
    "rule.unaligned-item.hint": (
      "link the use case to an active objective, or take it off the roadmap",
      "rattachez le cas d'usage à un objectif actif, ou retirez-le de la feuille de route"
    ),
    "rule.unused-suppression.unknown": (
      "the suppression names '{0}', which is not a rule", "la suppression nomme « {0} », qui n'est pas une règle"
    ),
    "rule.unused-suppression.reading": (
      "the reading rule '{0}' cannot be suppressed: fix the problem instead",
      "la règle de lecture « {0} » ne peut pas être suspendue : corrigez plutôt le problème"
    ),
    "rule.unused-suppression": (
      "the suppression of '{0}' matches no finding", "la suppression de « {0} » ne correspond à aucun constat"
    ),
    "rule.unused-suppression.hint": (
      "remove it, or name the rule of the finding it is meant for (`steer rules`)",
      "retirez-la, ou nommez la règle du constat visé (`steer rules`)"
    ),
    // reports
    "report.none": ("No findings in {0}.", "Aucun constat dans {0}."),
    "report.counts": ("{0} in {1}.", "{0} dans {1}."),
    "report.documents": ("{0} documents", "{0} documents"),
    "report.document": ("{0} document", "{0} document"),
    "report.errors": ("{0} errors", "{0} erreurs"),
    "report.error": ("{0} error", "{0} erreur"),
    "report.warnings": ("{0} warnings", "{0} avertissements"),
    "report.warning": ("{0} warning", "{0} avertissement"),
    "report.hint": ("hint", "conseil"),
  ]
}
