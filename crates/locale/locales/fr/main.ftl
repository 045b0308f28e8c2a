site-title = Smart Cities Study
site-tagline = Communauté de pratique des villes numériques de CGLU
skip-to-content = Aller au contenu
nav-label = Principale
nav-home = Accueil
nav-editions = Éditions
nav-members = Membres
language-switcher = Langue
demo-banner = Données de démonstration. Les noms, populations et coordonnées des villes sont réels (GeoNames) ; les adhésions et les points focaux sont fictifs.
illustrative = fictif
footer-data = Données des villes : GeoNames (CC BY 4.0). Carte : Natural Earth via world-atlas (domaine public / ISC).
footer-not-ranking = L'étude caractérise les villes ; ce n'est pas un classement.

home-heading = La Smart Cities Study
home-intro = Tous les deux ans environ, les villes de la communauté font le point sur leur chemin vers la ville intelligente, toujours avec la même méthode. Chaque édition peut se concentrer sur un axe.
home-aims-heading = Ce que fait chaque édition
aim-characterise = Caractériser la situation et les opportunités de chaque ville participante, exprimées en parts de villes et en profils.
aim-practices = Identifier les bonnes pratiques que d'autres villes peuvent reprendre, liées aux Objectifs de développement durable.
aim-barriers = Identifier les freins et les leviers du développement de la ville intelligente.
home-axes-heading = Les six axes de l'étude
home-editions-heading = Éditions
home-members-heading = La communauté
home-members-count = { $cities ->
    [one] { $cities } ville membre
   *[other] { $cities } villes membres
} dans { $countries ->
    [one] { $countries } pays
   *[other] { $countries } pays
}, réparties dans { $sections } sections mondiales de CGLU.
home-members-link = Voir les membres et leur carte
home-partners-heading = Partenaires d'apprentissage et de diffusion

editions-heading = Éditions de l'étude
edition-focus = Thème
edition-status = État
edition-participants = { $count ->
    [one] { $count } ville participante
   *[other] { $count } villes participantes
}
edition-timeline = Calendrier
edition-framework = Cadre
edition-framework-intro = Les axes, leurs sous-domaines et les questions posées. Les éléments marqués « déduit » ont été proposés pour combler des lacunes des sources publiques.
edition-framework-version = Version { $version } du cadre
edition-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
edition-sources = Sources
edition-rankings-off = Les résultats sont présentés en parts de villes et en profils, pas en classements.
edition-rankings-on = Cette édition publie des classements.
edition-study-axis = Axe de l'étude : { $axis }
edition-sdgs = ODD liés dans ce cadre

focus-holistic = Les six axes
focus-axis = Axe : { $axis }
theme-covid19_smart_resilience = COVID-19 et résilience intelligente
theme-innovation_ecosystems_sdgs = Écosystèmes d'innovation et ODD

status-planning = En préparation
status-collecting = Collecte des réponses
status-published = Publiée

axis-economy = Économie
axis-citizenship = Citoyenneté
axis-governance = Gouvernance
axis-mobility = Mobilité
axis-environment = Environnement
axis-quality_of_life = Qualité de vie

kind-numeric = Nombre
kind-yes_no = Oui / non
kind-ordinal = Échelle
kind-single_choice = Un choix
kind-multiple_choice = Plusieurs choix
kind-text = Texte libre
kind-date = Date
direction-higher_is_better = plus c'est élevé, mieux c'est
direction-lower_is_better = plus c'est bas, mieux c'est
direction-neutral = descriptif
provenance-stated = attesté
provenance-inferred = déduit
question-unit = Unité
question-levels = Niveaux
question-options = Options
question-sdgs = ODD
question-continues = Prolonge { $question }
question-code = Code

members-heading = Villes membres
members-intro = La communauté renouvelle périodiquement sa liste de membres. Chaque ville appartient à l'une des sections mondiales de CGLU.
members-map-title = Carte des villes membres
members-map-description = { $count ->
    [one] { $count } ville membre représentée par un point sur une carte du monde.
   *[other] { $count } villes membres représentées par des points sur une carte du monde.
} Les mêmes villes figurent dans le tableau ci-dessous.
members-filter = Filtrer
members-filter-section = Section mondiale
members-filter-all = Toutes les sections
members-filter-apply = Appliquer
members-count = { $count ->
    [0] Aucune ville membre ne correspond.
    [one] Une ville membre.
   *[other] { $count } villes membres.
}
col-city = Ville
col-country = Pays
col-section = Section
col-status = Adhésion
col-since = Membre depuis
col-population = Population

member-status-active = Active
member-status-pending_renewal = Renouvellement en attente
member-status-lapsed = Expirée
member-status-left = Partie

section-africa = Afrique
section-asia-pacific = Asie-Pacifique
section-eurasia = Eurasie
section-europe = Europe
section-latin-america = Amérique latine
section-middle-east-west-asia = Moyen-Orient et Asie de l'Ouest
section-north-america = Amérique du Nord

city-local-name = Nom local
city-country = Pays
city-section = Section mondiale de CGLU
city-metropolis = Membre de Metropolis
city-population = Population
city-population-source = Source
city-coordinates = Coordonnées
city-membership = Adhésion
city-not-member = N'est pas membre de la communauté.
city-map-title = Situation de { $city }
yes = Oui
no = Non

not-found-heading = Page introuvable
not-found-text = Il n'y a rien à cette adresse. Essayez les éditions ou la liste des membres.

sdg-1 = Pas de pauvreté
sdg-2 = Faim « zéro »
sdg-3 = Bonne santé et bien-être
sdg-4 = Éducation de qualité
sdg-5 = Égalité entre les sexes
sdg-6 = Eau propre et assainissement
sdg-7 = Énergie propre et d'un coût abordable
sdg-8 = Travail décent et croissance économique
sdg-9 = Industrie, innovation et infrastructure
sdg-10 = Inégalités réduites
sdg-11 = Villes et communautés durables
sdg-12 = Consommation et production responsables
sdg-13 = Mesures relatives à la lutte contre les changements climatiques
sdg-14 = Vie aquatique
sdg-15 = Vie terrestre
sdg-16 = Paix, justice et institutions efficaces
sdg-17 = Partenariats pour la réalisation des objectifs

sign-in = Se connecter
sign-out = Se déconnecter
sign-in-help = Les comptes sont créés par le secrétariat, qui envoie à chaque personne un lien à usage unique pour choisir son mot de passe.
email = Adresse électronique
password = Mot de passe
sign-in-expired = Le formulaire a expiré. Veuillez réessayer.
sign-in-too-many = Trop de tentatives. Attendez un quart d'heure puis réessayez.
sign-in-failed = L'adresse électronique ou le mot de passe n'est pas correct.
password-too-short = Le mot de passe doit compter au moins { $min } caractères.
password-mismatch = Les deux mots de passe sont différents.
invitation-heading = Choisissez votre mot de passe
invitation-intro = Bienvenue, { $name }. Choisissez un mot de passe pour { $email } ; vous l'utiliserez désormais pour vous connecter.
invitation-invalid = Ce lien n'est pas valable : il a déjà servi, il a expiré ou il est mal copié. Demandez-en un nouveau au secrétariat.
password-new = Nouveau mot de passe (au moins { $min } caractères)
password-again = Le même mot de passe, à nouveau
set-password = Enregistrer le mot de passe et se connecter
me-editions = Éditions
me-your-response = votre réponse
me-answer = Répondre au questionnaire
me-campaign = Suivre la campagne
me-nothing-open = Aucune édition n'est ouverte aux réponses pour le moment.
role-secretariat = Secrétariat
role-analyst = Analyste
role-respondent = Répondant pour une ville
response-invited = pas commencée
response-in_progress = en cours
response-submitted = envoyée
response-returned = renvoyée pour modifications
response-accepted = acceptée
nav-me = Ma page
response-status = État
response-last-change = dernière modification : { $when }
questionnaire-sections = Parties du questionnaire
progress-label = { $answered ->
        [one] { $answered } renseignée
       *[other] { $answered } renseignées
    } sur { $total }
review-heading = Vérifier et envoyer
offline-heading = Travailler hors ligne
offline-intro = Téléchargez le questionnaire sous forme de classeur, remplissez-le et téléversez-le ici. Vos réponses actuelles y figurent déjà.
offline-download = Télécharger le classeur
print-link = Version imprimable
history-link = Modifications des réponses
offline-upload = Classeur rempli
offline-upload-button = Téléverser
upload-saved = { $count ->
    [one] Le classeur a été lu : { $count } réponse a changé.
   *[other] Le classeur a été lu : { $count } réponses ont changé.
}
carry-over-heading = Partir de vos réponses de { $year }
carry-over-intro = { $count ->
    [one] { $count } question de { $year } est posée de la même façon cette fois et n'a pas encore de réponse : sa réponse peut être copiée ici, pour la vérifier et la modifier. Rien de ce que vous avez déjà répondu n'est remplacé.
   *[other] { $count } questions de { $year } sont posées de la même façon cette fois et n'ont pas encore de réponse : leurs réponses peuvent être copiées ici, pour les vérifier et les modifier. Rien de ce que vous avez déjà répondu n'est remplacé.
}
carry-over-button = { $count ->
    [one] Copier cette réponse
   *[other] Copier ces { $count } réponses
}
carry-over-done = { $count ->
    [one] { $count } réponse a été copiée de { $year } : vérifiez-la avant d'envoyer.
   *[other] { $count } réponses ont été copiées de { $year } : vérifiez-les avant d'envoyer.
}
required = obligatoire
no-answer = Pas de réponse
evidence = Preuve
evidence-self_reported = déclarée
evidence-reviewed = vérifiée par le secrétariat
evidence-verified = justifiée
answer-file-given = Un fichier a été fourni
file-upload = Envoyer
file-replace = Remplacer
file-remove = Retirer le fichier
file-hint-image = Une image PNG ou JPEG de 10 Mo au plus ; elle est gardée sans ses métadonnées (lieu, appareil).
file-hint-document = Un PDF, une image (PNG, JPEG) ou un document bureautique, de 10 Mo au plus.
answer-note = Ajouter une note
answer-note-label = Votre note sur cette réponse, pour le secrétariat (jamais publiée)
answer-note-by-city = Note de la ville
answer-notes-unanswered = Notes sur des questions restées sans réponse
reviewer-comment = Secrétariat
saved = Enregistré.
conflict-intro = Quelqu'un d'autre a modifié certaines réponses après l'ouverture de cette page. Rien n'a été enregistré. Vérifiez-les et enregistrez à nouveau.
conflict-line = { $question } : désormais « { $theirs } » (par { $who }) ; la vôtre était « { $yours } ».
entry = Entrée { $number }
remove-entry = Supprimer cette entrée
new-entry = Ajouter une entrée
skip-logic-note = Certaines questions n'apparaissent qu'après certaines réponses ; enregistrez pour les voir.
save = Enregistrer
previous = Précédent
next = Suivant
autosave-saving = Enregistrement…
autosave-saved = Enregistré à
autosave-offline = Non enregistré : pas de connexion. Vos réponses restent sur cette page et seront enregistrées à la prochaine modification.
review-comments = Commentaires du secrétariat
review-issues = { $count ->
    [one] { $count } réponse demande votre attention avant l'envoi
   *[other] { $count } réponses demandent votre attention avant l'envoi
}
review-complete = Rien ne manque et tout est valide.
submit = Envoyer le questionnaire
decision-heading = Décision
col-question = Question
col-answer = Réponse
col-comment = Commentaire
accept = Accepter
return = Renvoyer avec des commentaires
review-answers = Réponses
print-button = Imprimer
history-all = toutes les questions
col-when = Quand
col-who = Qui
col-old = Avant
col-new = Après
campaign-heading = Campagne
campaign-participation = Participation
campaign-invited = Invitées
campaign-started = Commencées
campaign-submitted = Envoyées
campaign-accepted = Acceptées
campaign-cities = Villes
campaign-progress = Avancement
campaign-deadline = Date limite
campaign-actions = Actions
campaign-open = Ouvrir aux réponses
campaign-move-deadline = Changer la date limite
campaign-invite = Inviter les villes membres
campaign-remind = Relancer les villes qui n’ont pas envoyé
campaign-invited-notice = { $cities ->
        [one] { $cities } ville invitée
       *[other] { $cities } villes invitées
    } ; { $mails ->
        [one] { $mails } message en file d’attente.
       *[other] { $mails } messages en file d’attente.
    }
campaign-reminded-notice = { $cities ->
        [one] { $cities } ville relancée
       *[other] { $cities } villes relancées
    } ; { $mails ->
        [one] { $mails } message en file d’attente.
       *[other] { $mails } messages en file d’attente.
    }
campaign-mail = Courrier
campaign-mail-counts = { $pending } en attente, { $sent ->
        [one] { $sent } envoyé
       *[other] { $sent } envoyés
    }, { $failed ->
        [one] { $failed } abandonné.
       *[other] { $failed } abandonnés.
    }
campaign-mail-problems = Messages dont le dernier envoi a échoué
campaign-mail-recipient = Destinataire
campaign-mail-attempts = Tentatives
campaign-mail-next = Prochaine tentative
campaign-mail-error = Erreur
campaign-mail-given-up = abandonné
campaign-all = Toutes les villes
forbidden = Votre compte ne permet pas de voir cette page.
forbidden-heading = Indisponible avec votre compte
sign-in-needed = Connectez-vous pour voir cette page.
refused-heading = Cela n’a pas pu être fait
go-back = Revenir au formulaire
form-expired = Le formulaire a expiré. Rechargez la page et réessayez.
form-unreadable = Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.
response-closed = Cette réponse a été envoyée et ne peut plus être modifiée.
submit-incomplete = Des réponses manquent ou ne sont pas valides ; voir la page de vérification.
return-needs-comment = Écrivez au moins un commentaire pour renvoyer la réponse.
upload-missing = Choisissez un fichier à téléverser.
upload-refused = Le classeur n'a pas été enregistré :
upload-conflict = Le classeur n'a pas été enregistré car ces réponses ont changé depuis son téléchargement ; téléchargez-le à nouveau :

workshop-heading = Groupes de discussion
workshop-intro = Ateliers participatifs de l’édition, un par langue, et ce qui en est ressorti, rattaché aux axes et aux ODD.
workshop-none = Aucun atelier n’a encore été enregistré.
workshop-held = { $date } · en { $language } · { $count ->
    [one] { $count } ville
   *[other] { $count } villes
  }
workshop-dynamics = Déroulement
workshop-participants = Villes participantes
workshop-outputs = Résultats
workshop-totals = Résultats de tous les ateliers
workshop-kind-practice = Bonne pratique
workshop-kind-barrier = Obstacle
workshop-kind-enabler = Levier
workshop-kind-trend = Tendance
workshop-axis = Axe
workshop-kind = Type
workshop-sdgs = Cibles ODD
workshop-note = Note
workshop-edit = Corriger cet enregistrement
workshop-record = Enregistrer un atelier
workshop-record-intro = Pour corriger un atelier, suivez « Corriger cet enregistrement » sous celui-ci ; un nouvel atelier a besoin de son propre identifiant. Les lignes sans type sont ignorées.
workshop-id = Identifiant
workshop-id-rule = lettres minuscules, chiffres et tirets, p. ex. 2025-fr
workshop-held-on = Date
workshop-language = Langue
workshop-output-row = Résultat { $row }
workshop-note-needed = la note est vide
workshop-save = Enregistrer l’atelier
language-en = anglais
language-es = espagnol
language-fr = français

me-questionnaire = Questionnaire
editor-heading = Questionnaire
editor-version = version { $version }
editor-xlsform = Télécharger en XLSForm
editor-saved = Enregistré comme version { $version }.
editor-not-saved = Rien n’a été enregistré :
editor-repeat = répondu autant de fois que nécessaire
editor-name = Nom
editor-type = Type
editor-label = Libellé
editor-hint = Aide
editor-constraint_message = Message quand la contrainte n’est pas respectée
editor-non-answers = Outre une réponse, la personne qui répond peut donner
editor-non-answers-inherit = Ce que dit le questionnaire ({ $offered })
editor-non-answers-both = Ne sait pas ou sans objet
editor-non-answers-neither = Aucune
editor-required = Obligatoire
editor-relevant = Affichée si
editor-constraint = Contrainte
editor-default = Valeur par défaut
editor-group = Groupe
editor-add = Ajouter une question
editor-add-button = Ajouter la question
editor-answers = { $count ->
    [0] pas encore de réponse
    [one] une réponse
   *[other] { $count } réponses
  }
editor-choices = Choix
editor-rename-note = Renommer conserve les réponses : elles passent au nouveau nom.
editor-expressions = Les conditions utilisent les expressions XLSForm : ${"{"}nom{"}"} pour une autre réponse, . pour celle-ci ; opérateurs et fonctions :
editor-save = Enregistrer
editor-delete = Supprimer la question
editor-label-needed = un libellé en { $language } est nécessaire
editor-delete-answered = Cette question a { $count ->
        [one] { $count } réponse
       *[other] { $count } réponses
    } et ne peut pas être supprimée ; rendez-la facultative ou masquez-la par une condition.
editor-delete-referenced = D’autres questions font référence à celle-ci :

results-heading = Résultats
results-none = Cette édition n'a pas encore été analysée sur cette plateforme.
results-answering = { $answering ->
        [one] { $answering } ville invitée
       *[other] { $answering } villes invitées
    } sur { $invited } { $answering ->
        [one] répond
       *[other] répondent
    } (réponses acceptées).
results-provenance = Calculé le { $at } avec la méthode { $method }. L’empreinte des données d’entrée identifie exactement les réponses analysées : les mêmes réponses donnent la même empreinte.
results-not-ranking = Les résultats sont des parts des villes ayant répondu, avec des intervalles à 95 % ; les villes ne sont pas classées.
results-published = Voici les chiffres en cours, qui évoluent à mesure que des réponses sont acceptées. Le rapport publié est la version { $version } du { $date } :
results-published-site = son site
results-published-report = le rapport (PDF)
results-question = Question
results-finding = Résultat
results-answered = Réponses
results-yes-share = { $share } répondent oui
results-median-level = Niveau médian : { $level }
results-median = Médiane : { $value }
results-dates = Du { $earliest } au { $latest }
results-dates-count = { $count ->
        [one] { $count } date indiquée
       *[other] { $count } dates indiquées
    }
results-text-answers = { $count ->
        [one] { $count } réponse écrite
       *[other] { $count } réponses écrites
    }
results-sdg-heading = Axes et ODD
results-sdg-intro = Bonnes pratiques, réponses positives aux questions liées à un ODD et résultats des groupes de discussion, par axe et ODD ; l’ODD le plus cité de chaque axe est mis en évidence.
results-sdg-cell = { $practices ->
        [one] { $practices } pratique
       *[other] { $practices } pratiques
    }, { $answers ->
        [one] { $answers } réponse
       *[other] { $answers } réponses
    }, { $workshops ->
        [one] { $workshops } résultat d’atelier
       *[other] { $workshops } résultats d’ateliers
    }
results-axis = Axe
results-most-cited = Le plus cité
results-sdg = ODD
results-linking = Villes rattachant au moins une de leurs pratiques à chaque ODD
results-cities = Villes
results-share = Part
results-interval = Intervalle à 95 %
results-barriers-heading = Obstacles et leviers les plus cités
results-category = Catégorie
results-type = Type
results-importance = Importance moyenne (1–5)
results-trends-heading = Tendances
results-then = Avant
results-now = Maintenant
results-paired-heading = Villes des deux éditions
results-paired = { $cities ->
        [one] { $cities } ville dans les deux
       *[other] { $cities } villes dans les deux
    }, { $unchanged } sans changement
results-no-trends = Aucune question de cette édition n’a encore de réponses dans une édition antérieure.
results-question-answering = { $answering ->
        [one] { $answering } ville a répondu à cette question
       *[other] { $answering } villes ont répondu à cette question
    }, sur { $responding ->
        [one] { $responding } réponse acceptée
       *[other] { $responding } réponses acceptées
    } et { $invited ->
        [one] { $invited } ville invitée.
       *[other] { $invited } villes invitées.
    }
non-answers-beside = Non comptés : { $dont_know } « ne sait pas », { $not_applicable } « sans objet ».
results-chart-caption = Part des villes ayant répondu, avec son intervalle à 95 % (Wilson). Avec moins de 5 villes, seul le nombre est indiqué.
results-all-cities = Toutes les villes
results-answer = Réponse
results-value = Valeur
results-per-100k = Pour 100 000 habitants
results-breakdowns = Par section, taille et appartenance à Metropolis
results-small-cells = Les cases de moins de 5 villes n’indiquent que le nombre.
results-dimension-section = Section de CGLU
results-dimension-population = Population
results-dimension-metropolis = Appartenance à Metropolis
results-group-under_250k = Moins de 250 000
results-group-250k_1m = De 250 000 à 1 million
results-group-1m_5m = De 1 à 5 millions
results-group-over_5m = Plus de 5 millions
results-group-metropolis = Membres de Metropolis
results-group-not_metropolis = Non membres de Metropolis
results-stat-n = Villes
results-stat-min = Minimum
results-stat-q1 = Premier quartile
results-stat-median = Médiane
results-stat-q3 = Troisième quartile
results-stat-max = Maximum
results-stat-mean = Moyenne
results-link = Résultats

profile-heading = Dans l’étude { $year }
profile-intro = Chaque réponse à côté de la part des villes donnant la même : toutes les villes, celles de sa section de CGLU et celles de sa taille. Un profil, pas un classement.
profile-answer = { $city }
profile-all = Toutes les villes
profile-section = Sa section
profile-band = Sa taille
profile-peers = Villes semblables
profile-peers-intro = Les plus proches par la taille, la section et le profil de réponses (distance de Gower entre parenthèses, 0 = identiques) : des villes dont apprendre.

coding-heading = Codage du texte libre
coding-no-codebook = Cette édition n’a pas encore de grille de codage : importez-en une avec `smartcities codebook --edition ANNÉE FICHIER.toml`.
coding-nothing = Aucune réponse acceptée n’a encore de texte libre à coder.
coding-progress = Vous avez codé { $coded ->
        [one] { $coded } réponse en texte libre
       *[other] { $coded } réponses en texte libre
    } sur { $total }.
coding-answer = Réponse { $index } sur { $total }
coding-already = vous l’avez déjà codée ; enregistrer remplace vos codes
coding-suggested = suggéré
coding-save = Enregistrer et passer à la suivante
coding-previous = Précédente
coding-next = Suivante
coding-frequencies = Fréquence des codes
coding-items = Réponses
coding-agreement = Accord entre codeurs
coding-agreement-intro = Kappa de Cohen par catégorie entre { $first } et { $second }, sur les réponses codées par les deux (1 = accord parfait, 0 = pas mieux que le hasard).
coding-shared = Réponses codées par les deux
coding-both = Code des deux
coding-unknown-code = La grille de codage n’a pas de catégorie { $code }.
coding-group-barrier = Obstacles
coding-group-enabler = Leviers
coding-group-trend = Tendances
coding-group-technology = Technologies
coding-link = Codage du texte libre

response-withdrawn = retirée
withdraw = Enregistrer le retrait de la ville
withdraw-intro = Si la ville se retire de l’édition, ses réponses sont conservées mais exclues de l’analyse.
profile-levels = Niveaux de { $city } par axe (0–100)
profile-levels-heading = Niveau par axe
profile-level = Niveau (0–100)
results-coded-heading = Dans le texte libre : catégories codées le plus souvent
coding-passage = passage (facultatif)
coding-passage-help = Cochez chaque catégorie qui s’applique ; pour rattacher une catégorie à une partie de la réponse, copiez ce passage à côté.
coding-passage-not-found = Le passage indiqué pour { $category } ne figure pas dans la réponse : « { $passage } ».
results-by-axis = Les plus cités par axe (villes)
results-by-section = Les plus cités par section de CGLU (villes)
results-index-heading = Indice composite (profils fictifs)
results-index-intervals = Intervalles : du 5e au 95e centile du score sur { $runs ->
        [one] { $runs } tirage
       *[other] { $runs } tirages
    } qui font varier { $varied }.
results-index-no-ranks = Les villes sont listées par nom : cette édition ne les classe pas.
results-index-city = Ville
results-index-score = Score (0–100)
results-index-interval = Intervalle à 90 %
results-index-rank = Rang (5–95 %)
results-index-audit = Cohérence des questions de chaque axe
results-index-alpha = Alpha de Cronbach
results-index-pc1 = Variance de la première composante
results-index-negative = À contre-sens de leur axe
results-index-varied-imputation = le traitement des réponses manquantes
results-index-varied-weights_level_1 = les poids des questions
results-index-varied-weights_level_2 = les poids des axes
profile-index-overall = Global

## Refusals of the application's use cases
password-too-long = Le mot de passe peut compter au plus { $max } caractères.
password-control = Le mot de passe ne peut pas contenir de caractères de contrôle.
password-common = Ce mot de passe est trop facile à deviner : c'est un mot de passe courant, ou il est fait de votre nom, adresse ou ville. Choisissez-en un autre.
password-repetitive = Ce mot de passe est trop facile à deviner : il se répète ou suit une séquence. Choisissez-en un autre.
refused-not-found = Ceci n'existe pas, ou n'est pas visible avec votre compte.
refused-public-url = Impossible d'envoyer des liens par courriel : le serveur a été lancé sans son adresse publique (--public-url).
refused-link = Ce lien n'est plus valable : il a été utilisé, remplacé par un plus récent, ou il a expiré. Demandez-en un nouveau.
refused-edition-not-open = L'édition { $edition } ne reçoit pas de réponses en ce moment (elle est : { $status }).
refused-not-invited = Cette ville n'a pas été invitée à cette édition.
refused-response-closed = Cette réponse est { $status } et ne peut plus être modifiée.
refused-illegal-move = Une réponse qui est { $status } ne peut pas être { $move }.
move-answer = complétée
move-correct = corrigée
move-submit = envoyée
move-return = renvoyée
move-accept = acceptée
move-withdraw = retirée
refused-unknown-axis = Le cadre n’a pas d’axe { $axis }.
refused-unknown-city = Le registre n’a pas de ville { $city }.
refused-restore-over-data = La base contient { $rows ->
        [one] { $rows } ligne ; la restauration la remplace.
       *[other] { $rows } lignes ; la restauration les remplace toutes.
    } Ajoutez --replace pour le faire, ou restaurez dans une base vide.
refused-unknown-question = Il n'y a pas de question { $code } dans ce questionnaire.
refused-unknown-group = Il n'y a pas de partie { $name } dans ce questionnaire.
refused-unknown-entry = L'entrée { $entry } n'existe pas dans ce questionnaire.
refused-invalid-answers = Rien n'a été enregistré ; veuillez corriger :
answers-refused-kept = { $count ->
    [one] Une réponse n’a pas été enregistrée : elle est conservée ci-dessous telle que vous l’avez saisie, à côté de son problème.
   *[other] { $count } réponses n’ont pas été enregistrées : elles sont conservées ci-dessous telles que vous les avez saisies, chacune à côté de son problème.
}
refused-answer-too-long = La réponse à { $question } dépasse { $max } caractères.
refused-too-many-entries = { $group ->
    [none] Une réponse peut compter au plus { $max } entrées.
   *[other] { $group } peut compter au plus { $max } entrées.
}
refused-questionnaire-changed = Le questionnaire a changé depuis que vous l'avez ouvert (version { $based_on }, maintenant { $now }). Rechargez-le et modifiez-le à nouveau.
refused-framework-changed = Le cadre a changé depuis que vous l’avez ouvert (version { $based_on }, maintenant { $now }). Rechargez-le et modifiez-le à nouveau.
refused-bad-statement = L’énoncé de { $code } en { $language } est trop long (200 caractères au plus) ou contient un saut de ligne ou un caractère de contrôle.
refused-name-taken = Le nom { $name } est déjà utilisé ; choisissez-en un autre.
refused-invalid-name = { $name } n'est pas un nom valable : commencez par une lettre ou _, puis des lettres, chiffres, -, _ ou .
refused-verified-note = Une réponse vérifiée a besoin d'une note disant ce qui l'étaye (un document ou un lien).
refused-no-answer = Il n'y a pas de réponse à { $question }.
answer-control-characters = La réponse contient des caractères de contrôle ; supprimez-les.
mail-reset-subject = Smart Cities Study — choisissez un nouveau mot de passe
mail-reset-body = Bonjour { $name },

    Quelqu'un (nous espérons que c'est vous) a demandé à choisir un nouveau mot de passe pour votre compte du Smart Cities Study. Ouvrez ce lien dans l'heure pour le faire :

    { $link }

    Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

## Password reset and change
password-reset-link = Mot de passe oublié ?
password-reset-heading = Choisissez un nouveau mot de passe
password-reset-intro = Indiquez l'adresse électronique de votre compte ; nous vous enverrons un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.
password-reset-send = Envoyer le lien
password-reset-sent = Si { $email } a un compte, un lien pour choisir un nouveau mot de passe est en route. Consultez votre boîte aux lettres.
password-change-link = Changer de mot de passe
password-change-heading = Changez votre mot de passe
password-change-intro = Vos autres sessions se terminent quand le mot de passe change.
password-current = Mot de passe actuel
password-change-button = Changer de mot de passe
refused-nul = Le formulaire ou l'adresse contient un caractère NUL, que le site n'accepte pas. Supprimez-le et réessayez.

evidence-heading = Preuves
evidence-intro = Dans quelle mesure chaque réponse est fiable. Accepter une réponse marque ses réponses comme revues ; marquez une réponse comme vérifiée quand un document ou un lien l'étaye, et indiquez lequel dans la note.
evidence-change = Modifier
evidence-note = Ce qui l'étaye (document, lien)

pages = Pages
page-of = Page { $page } sur { $pages } ({ $total ->
        [one] { $total } modification
       *[other] { $total } modifications
    })
page-newer = Modifications plus récentes
page-older = Modifications plus anciennes

## Publication : le site statique, les PDF et les données ouvertes d'une version publiée

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
pub-report = Rapport
pub-contents = Sommaire
pub-foreword = Avant-propos
pub-methodology = Méthodologie
pub-findings = Résultats
pub-practices = Bonnes pratiques
pub-practices-intro = Les pratiques que les villes participantes proposent à d'autres villes de reprendre, chacune liée aux Objectifs de développement durable auxquels elle contribue.
pub-barriers-enablers = Obstacles et leviers
pub-barriers = Obstacles
pub-enablers = Leviers
pub-sdg-matrix = Axes et ODD
pub-sdg-intro = La fréquence à laquelle les bonnes pratiques, les réponses aux questions liées à un ODD et les conclusions des groupes de discussion portent sur chaque objectif, par axe.
pub-conclusions = Conclusions
pub-cities = Villes
pub-cities-intro = Les villes dont les réponses ont été acceptées, par nom. Chaque page place les réponses de la ville à côté de celles de toutes les villes : un profil, pas un classement.
pub-city = Ville
pub-country = Pays
pub-section = Section mondiale de CGLU
pub-population = Population
pub-metropolis = Membre de Metropolis
pub-yes = Oui
pub-no = Non
pub-map = Carte
pub-map-title = Villes participantes
pub-trends = Tendances
pub-earlier = Édition précédente
pub-then = Alors
pub-now = Maintenant
pub-paired = Villes présentes dans les deux
pub-question = Question
pub-finding = Résultat
pub-answered = Réponses
pub-answered-of = { $answering ->
        [one] { $answering } ville
       *[other] { $answering } villes
    } sur { $invited } { $answering ->
        [one] a répondu
       *[other] ont répondu
    }
pub-non-answers = { $dont_know } « ne sait pas », { $not_applicable } « sans objet »
pub-option = Réponse
pub-share = Part
pub-interval = Intervalle à 95 %
pub-importance = Importance moyenne (1–5)
pub-category = Catégorie
pub-statistic = Statistique
pub-value = Valeur
pub-axis = Axe
pub-sdgs = ODD
pub-sdg = ODD
pub-downloads = Téléchargements
pub-report-pdf = Rapport complet (PDF)
pub-brief-pdf = Note de deux pages pour les conseils politiques (PDF)
pub-slides-pdf = Résultats clés en diapositives (PDF)
pub-city-pdf = Fiche de la ville (PDF)
pub-open-data = Données ouvertes : CSV, XLSX, JSON et Data Package
pub-live-results = Les résultats les plus récents sur la plateforme, qui évoluent à mesure que des réponses sont acceptées
pub-data-title = Données ouvertes
pub-data-intro = Tous les chiffres de cette version, en données que chacun peut réutiliser : les tableaux sur lesquels repose le rapport, un fichier par tableau, les mêmes tableaux dans un seul classeur, et l’édition publiée complète en JSON.
pub-data-licence = Licence :
pub-data-cite = Citez le Smart Cities Study, l’édition et la version.
pub-data-files = Les fichiers de cette version
pub-data-charts = Chaque graphique de ces pages peut aussi être téléchargé en SVG, PNG et CSV grâce aux liens placés dessous.
pub-data-package = Le Data Package Frictionless : les colonnes, types et descriptions de chaque tableau, la licence et les sources.
pub-data-workbook = Tous les tableaux ci-dessous, chacun sur une feuille d’un même classeur.
pub-data-edition = L’édition publiée complète (cadre, questionnaire, résultats, villes) en JSON.
pub-data-answers = Les réponses acceptées, une ligne par réponse.
pub-data-findings = Les résultats par question, dans l’ensemble et par section de CGLU, taille de population et appartenance à Metropolis.
pub-data-practices = Les bonnes pratiques publiées avec l’édition.
pub-data-barriers-enablers = Les obstacles et leviers cités, dans l’ensemble et par axe, avec leurs parts et intervalles.
pub-data-themes = Les thèmes codés dans les réponses écrites des villes, avec les villes qui évoquent chacun.
pub-data-cities = Les villes participantes, avec leur pays, leur section, leur population et leurs coordonnées.
pub-data-codebook = Les questions et les choix, avec leurs libellés en espagnol, anglais et français.
pub-key-findings = Résultats clés
pub-filter = Filtrer les pratiques
pub-filter-text = Mots
pub-filter-all = Tous
pub-filter-shown =
    { $count ->
        [one] pratique affichée
       *[other] pratiques affichées
    }
pub-focus-groups = Groupes de discussion
pub-held-on = Date
pub-language = Langue
pub-dynamics = Dynamique
pub-participants = Villes participantes
pub-outputs = Conclusions
pub-kind = Type
pub-note = Note
pub-its-answer = Sa réponse
pub-all-cities = Toutes les villes
pub-its-section = Sa section
pub-peers = Villes semblables
pub-peers-intro = Les plus proches par la taille, la section et les réponses : des villes dont apprendre.
pub-highlights = Là où elle se distingue
pub-scores = Scores par axe (0–100)
pub-overall = Global
pub-city-facts = Données clés
pub-city-answers = Ses réponses à côté de celles de toutes les villes
pub-city-practices = Ses bonnes pratiques
pub-no-practices = Aucune bonne pratique n'a été proposée pour cet axe.
pub-no-cited = Aucun cité.
pub-not-ranking = L'étude caractérise les villes : les résultats sont des parts des villes qui ont répondu, avec des intervalles à 95 %. Les villes ne sont pas classées.
pub-chart-data = Les chiffres du graphique
pub-chart-download = Télécharger ce graphique :
pub-chart-csv = données (CSV)
pub-breakdowns = Par section, taille et appartenance à Metropolis
pub-provenance = Provenance
pub-provenance-intro = Pour qui veut reproduire les chiffres : la version de la méthode d’analyse et une empreinte des données dont cette version est issue (empreintes égales, données égales).
pub-content-hash = Empreinte du contenu (SHA-256)
pub-method-version = Méthode d'analyse
pub-languages = Langues
pub-skip = Aller au contenu
pub-home = Résultats
pub-brief = Note
pub-slides = Résultats clés
pub-illustrative-data = Chiffres calculés par la plateforme à partir des réponses acceptées.
pub-version = Version { $version }, publiée le { $date }
pub-chart-shares = Part des villes ayant répondu qui donnent chaque réponse à « { $question } », avec des intervalles à 95 %.
pub-chart-distribution = Distribution des réponses à « { $question } » : minimum, quartiles, médiane et maximum.
pub-axis-overview = { $axis } : part des villes qui répondent oui
pub-axis-intro = { $axis } : { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
} et { $practices ->
    [0] aucune bonne pratique
    [one] une bonne pratique
   *[other] { $practices } bonnes pratiques
}.
pub-city-chart = Réponses par oui ou non de { $city } à côté de toutes les villes : part des villes ayant répondu oui
pub-key-messages = Messages clés
pub-asks = Ce que les résultats demandent aux conseils politiques
pub-asks-intro = Dans chaque axe, ce que le moins de villes ont encore : là où le soutien d’un conseil peut faire la différence.
pub-sdg-legend = Chaque case compte les bonnes pratiques, réponses et résultats de groupes de discussion d’un axe liés à un Objectif de développement durable (1–17) ; plus la case est foncée, plus ils sont nombreux.
pub-chart-source = Source : { $study } { $year }, version { $version }, réponses { $answering ->
    [one] de { $answering } ville
   *[other] de { $answering } villes
}.
pub-barriers-chart = Obstacles et leviers : part des villes ayant répondu qui citent chacun
pub-themes = Ce que les villes ont écrit
pub-themes-intro = L’équipe d’analyse a codé les réponses écrites des villes avec le livre de codes de l’étude. Chaque thème compte les villes dont les réponses l’évoquent ; les réponses ne sont pas citées.
pub-themes-barrier = Obstacles évoqués par les villes
pub-themes-enabler = Leviers évoqués par les villes
pub-themes-trend = Tendances évoquées par les villes
pub-themes-technology = Technologies évoquées par les villes
pub-themes-caption = Villes dont les réponses écrites évoquent chaque thème, sur { $answering ->
    [one] la seule ville ayant répondu
   *[other] les { $answering } villes ayant répondu
}
pub-theme = Thème
pub-theme-answers = Réponses écrites
pub-sdg-chart = Axes et ODD : pratiques, réponses et conclusions des groupes de discussion par objectif
pub-participation = { $answering } des { $invited } villes invitées { $answering ->
        [one] a répondu
       *[other] ont répondu
    }, { $countries ->
        [one] d’un pays
       *[other] de { $countries } pays
    }.
pub-kf-barrier = L'obstacle le plus cité est { $category }, par { $share } des villes.
pub-kf-enabler = Le levier le plus cité est { $category }, par { $share } des villes.
pub-kf-sdg = L'ODD le plus souvent lié à une pratique est le { $goal } ({ $name }), par { $cities ->
        [one] { $cities } ville.
       *[other] { $cities } villes.
    }
pub-conclusion-close = { $practices ->
        [one] Les bonnes pratiques de ce rapport sont l'offre de l'étude au réseau : chacune peut être adaptée par une autre ville, et les villes qui les portent sont prêtes à partager ce qu'elles ont appris.
       *[other] Les { $practices } bonnes pratiques de ce rapport sont l'offre de l'étude au réseau : chacune peut être adaptée par une autre ville, et les villes qui les portent sont prêtes à partager ce qu'elles ont appris.
    }
pub-method-collect = Le questionnaire a été envoyé à { $invited ->
        [one] { $invited } ville
       *[other] { $invited } villes
    } en espagnol, en anglais et en français ; { $answering ->
        [one] { $answering } a répondu et ses réponses ont été relues et acceptées par le secrétariat.
       *[other] { $answering } ont répondu et leurs réponses ont été relues et acceptées par le secrétariat.
    } Il comptait { $questions ->
        [one] { $questions } question regroupée
       *[other] { $questions } questions regroupées
    } par axe.
pub-method-shares = Chaque résultat est la part des villes ayant répondu qui donnent une réponse, avec son intervalle de Wilson à 95 % ; chaque question ne compte que les villes qui y ont répondu. Quand moins de cinq villes ont répondu, seul l'effectif est indiqué.
pub-method-breakdowns = Chaque question est aussi ventilée par section mondiale de CGLU, par tranche de population et par appartenance à Metropolis, avec la même règle pour les petites cellules.
pub-method-practices = Les villes ont proposé { $practices ->
        [one] { $practices } bonne pratique
       *[other] { $practices } bonnes pratiques
    }, chacune liée par la ville aux ODD qu'elle sert ; les obstacles et les leviers ont été choisis dans une liste commune de catégories et notés selon leur importance.
pub-method-workshops = { $workshops ->
    [0] Aucun groupe de discussion n'a eu lieu.
    [one] Un groupe de discussion a débattu des premiers résultats avec les villes.
   *[other] { $workshops } groupes de discussion ont débattu des premiers résultats avec les villes.
}
pub-method-trends = { $questions ->
        [one] { $questions } question a aussi été posée dans une édition précédente ; sa tendance compare les deux éditions et les villes qui ont répondu aux deux.
       *[other] { $questions } questions ont aussi été posées dans une édition précédente ; leurs tendances comparent les deux éditions et les villes qui ont répondu aux deux.
    }
pub-method-scores = Cette édition publie aussi des scores composites par axe, avec l'intervalle que laissent leurs choix incertains. Ils sont listés par nom de ville : l'étude n'est pas un classement.
pub-method-no-scores = L'étude n'est pas un classement : aucun score ni rang n'est publié, seulement des parts de villes et le profil de chaque ville.
pub-published = Résultats publiés
pub-published-version = Version { $version } du { $date }
pub-withdrawn = Retirée : { $reason }
pub-withdrawn-page = Cette version a été retirée le { $date } : { $reason }
pub-read-findings = Lire les résultats
pub-choose-language = Choisissez une langue
refused-not-analysed = Cette édition n'a pas encore été analysée : analysez-la avant de publier.
refused-results-stale = Des réponses ont été acceptées, renvoyées ou retirées depuis la dernière analyse : analysez de nouveau l'édition avant de publier.
refused-nothing-to-publish = Aucune réponse de ville n'a encore été acceptée : il n'y a rien à publier.
refused-text-too-long = Ce texte est trop long : { $max } caractères au plus.
refused-published-meanwhile = Une autre version de cette édition a été publiée au même moment. Rechargez la page et publiez de nouveau si nécessaire.
refused-withdraw-reason = Indiquez pourquoi la version est retirée : le public le lira sur ses pages.
pub-conclusion-participation = { $answering ->
        [one] { $answering } ville
       *[other] { $answering } villes
    } de { $countries } pays { $answering ->
        [one] a répondu
       *[other] ont répondu
    } à cette édition. Ce qui suit les décrit comme un groupe, en parts de villes et en profils : sans les classer.
pub-conclusion-widespread = Ce que la plupart des villes ont déjà, axe par axe : { $list }.
pub-conclusion-rare = Ce que peu de villes ont encore, là où celles qui l'ont peuvent le plus aider les autres : { $list }.
pub-conclusion-barriers = Les obstacles les plus cités sont { $barriers } ; les leviers, { $enablers }.
pub-withdrawn-title = La version { $version } de l'édition { $year } a été retirée
pub-read-current = Lire la version en vigueur
pub-back-edition = À propos de l'édition { $year }
pub-staff-heading = Résultats et publication
pub-results-none = Pas encore analysée.
pub-results-current = Les résultats sont à jour : calculés le { $at }.
pub-results-stale = Les résultats sont périmés : une réponse a été acceptée, renvoyée ou retirée après leur calcul ({ $at }).
pub-analyse-now = Analyser maintenant
pub-publish-heading = Publier une nouvelle version
pub-publish-intro = Publier fige le cadre, les réponses acceptées, les résultats, les pratiques et les groupes de discussion dans une version numérotée qui ne change jamais, avec son site, ses PDF et ses données ouvertes. Les versions précédentes restent en ligne.
pub-publish-needs-current = Analysez d'abord l'édition : seuls des résultats à jour peuvent être publiés.
pub-foreword-field = Avant-propos ({ $language })
pub-conclusions-field = Conclusions ({ $language }), rédigées à partir des données : modifiez-les avant de publier
pub-versions = Versions publiées
pub-published-by = Publiée le { $at } par { $by }
pub-files = { $files ->
        [one] { $files } fichier
       *[other] { $files } fichiers
    }, { $size } Mo
pub-withdraw-reason = Motif du retrait (visible du public)
pub-withdraw-button = Retirer la version { $version }
pub-analysed-flash = L'édition a été analysée.
pub-withdrawn-flash = La version { $version } est retirée.
pub-findings-of = Résultats de l'édition { $year }
pub-published-heading = Résultats publiés
pub-not-published = Les résultats de cette édition ne sont pas publiés sur cette plateforme ; consultez ses sources pour le rapport.
pub-version-short = Version { $version }

## Catalogue de bonnes pratiques
nav-practices = Bonnes pratiques
refused-practice-invalid = La pratique n'a pas pu être enregistrée :
refused-practice-changed = Quelqu'un a enregistré cette pratique depuis que vous l'avez ouverte (version { $based_on }, maintenant { $now }). Rechargez-la et refaites votre modification.
refused-practice-consent = Une pratique n'est publiée qu'avec le consentement de sa ville.
refused-practice-return-comment = Indiquez ce que la ville doit changer : une pratique est renvoyée avec un commentaire.
practice-required = Obligatoire.
practice-too-long = { $max } caractères au plus.
practice-too-many = { $max } éléments au plus.
practice-unknown-value = Ce n'est pas l'une des valeurs proposées.
practice-bad-sdg = Choisissez un objectif de 1 à 17.
practice-bad-target = { $target } n'est pas une cible des ODD : écrivez-la comme 11.3 ou 11.a.
practice-bad-date = Écrivez la date sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ.
practice-ended-before = La fin précède le début.
practice-bad-link = { $link } n'est pas une adresse web commençant par https:// ou http://.
practice-bad-email = Ce n'est pas une adresse électronique.
practice-field-title = Titre
practice-field-summary = Résumé
practice-field-axis = Axe
practice-field-sub_area = Sous-domaine
practice-field-sdg = ODD principal
practice-field-sdgs = Autres ODD
practice-field-targets = Cibles des ODD (comme 11.3)
practice-field-inequalities = Inégalités visées
practice-field-challenge = Défi relevé
practice-field-objectives = Objectifs
practice-field-actions = Ce qui a été fait
practice-field-technologies = Technologies (séparées par des virgules)
practice-field-actors = Acteurs
practice-field-started = Début (AAAA, AAAA-MM ou AAAA-MM-JJ)
practice-field-ended = Fin
practice-field-stage = Étape
practice-field-budget = Budget
practice-field-funding = Source de financement
practice-field-results = Résultats
practice-field-indicators = Indicateurs (un par ligne, sous la forme « nom : valeur »)
practice-field-preconditions = Conditions préalables
practice-field-cost = Coût pour la reprendre
practice-field-complexity = Complexité pour la reprendre
practice-field-needs = Ce dont une ville a besoin pour la reprendre
practice-field-lessons = Enseignements
practice-field-links = Liens (un par ligne)
practice-field-images = Images (adresses, une par ligne)
practice-field-contact_name = Contact
practice-field-contact_email = Courriel de contact
practice-field-consent = La ville accepte que cette pratique soit publiée
practice-status-draft = Brouillon
practice-status-published = Publiée
practice-status-returned = Renvoyée à la ville
practice-stage-planned = Prévue
practice-stage-pilot = Pilote
practice-stage-running = En cours
practice-stage-scaled = Étendue
practice-stage-ended = Terminée
practice-actor-public = Secteur public
practice-actor-private = Secteur privé
practice-actor-academia = Monde universitaire
practice-actor-civil_society = Société civile
practice-budget-under_50k = Moins de 50 000 €
practice-budget-50k_250k = De 50 000 à 250 000 €
practice-budget-250k_1m = De 250 000 € à 1 million d'€
practice-budget-over_1m = Plus d'1 million d'€
practice-effort-low = Faible
practice-effort-medium = Moyen
practice-effort-high = Élevé
practice-inequality-income = Revenus
practice-inequality-gender = Genre
practice-inequality-age = Âge
practice-inequality-disability = Handicap
practice-inequality-territorial = Territoriale
practice-inequality-digital = Fracture numérique
practice-inequality-migration = Migration
practice-none = —
practices-title = Bonnes pratiques
practices-intro = Des pratiques que les villes membres ont communiquées à l'étude, pour que d'autres villes les reprennent. Cherchez en espagnol, en anglais ou en français ; les accents sont facultatifs.
practices-search-label = Chercher des pratiques
practices-search-button = Chercher
practices-order = Ordre
practices-order-relevance = Les plus pertinentes
practices-order-newest = Les plus récentes
practices-found = { $count ->
    [one] { $count } pratique
   *[other] { $count } pratiques
}
practices-nothing = Aucune pratique ne correspond. Essayez avec moins de mots ou retirez un filtre.
practices-filters = Filtres
practices-facet-axis = Axe
practices-facet-sub_area = Sous-domaine
practices-facet-sdg = ODD
practices-facet-section = Section de CGLU
practices-facet-band = Population
practices-facet-edition = Édition
practices-facet-budget = Budget
practices-facet-status = Statut
practices-remove-filter = Retirer le filtre : { $name }
practices-clear = Retirer tous les filtres
practices-pages = Page { $page } sur { $pages }
practices-previous = Précédente
practices-next = Suivante
practices-feed = Pratiques récemment publiées (flux Atom)
practices-feed-title = Étude des villes intelligentes : bonnes pratiques récemment publiées
practices-propose = Proposer une pratique
practice-written-in = Rédigée en { $language }.
practice-translated-from = Traduction ; l'original est en { $language }.
practice-illustrative = Pratique fictive rédigée pour la démonstration.
practice-city = Ville
practice-editions = Communiquée en
practice-when = Dates
practice-sdgs = ODD
practice-about = La pratique
practice-transferability = Transférabilité
practice-results-heading = Résultats
practice-more = En savoir plus
practice-related = Pratiques proches
practice-reason-sub_area = Même sous-domaine : { $name }
practice-reason-axis = Même axe : { $name }
practice-reason-sdgs = ODD en commun : { $goals }
practice-reason-section = Une ville de la section { $name }
practice-reason-band = Une ville de même taille ({ $name })
practice-reason-peer = { $city } a répondu à l'étude comme cette ville
practice-versions = Versions
practice-version-line = Version { $version } · { $status } · { $by } · { $at }
practice-pictures = Images
practice-picture-alt = Image { $number }
practice-picture-add = Ajouter une image
practice-picture-remove = Retirer l'image { $number }
practice-edit = Modifier
practice-edit-title = Modifier « { $title } »
practice-propose-title = Proposer une pratique de { $city }
practice-writing-in = Vous écrivez en { $language }.
practice-translating = Cette pratique a été rédigée en { $original } : ce que vous saisissez ici est enregistré comme sa traduction en { $language } ; l'original ne change pas.
practice-save = Enregistrer
practice-save-draft = Enregistrer comme brouillon
practice-decision = Décision
practice-publish = Publier
practice-return = Renvoyer à la ville
practice-return-comment = Que doit changer la ville ?
practice-comment-from-secretariat = Le secrétariat a renvoyé cette pratique : { $comment }
practice-needs-consent = Pas encore publiable : la ville n'a pas accepté sa publication.
practice-saved-flash = La pratique a été enregistrée.
practice-proposed-flash = La pratique a été proposée : le secrétariat l'examinera.
practice-published-flash = La pratique est publiée.
practice-returned-flash = La pratique a été renvoyée à la ville avec votre commentaire.
practice-status = Statut
practice-of-city = Pratiques de { $city }
practice-learn-from = Apprendre d'autres villes
practice-learn-from-intro = Des pratiques publiées d'autres villes qui agissent là où { $city } n'a pas ce que la plupart des villes ont, selon la dernière édition publiée.
practice-errors = Certains champs sont à revoir :
review-practices = Bonnes pratiques de cette réponse
review-practice-comment = Commentaire sur cette pratique
cancel = Annuler
practice-label-targets = Cibles des ODD
practice-label-started = Début
practice-label-ended = Fin
practice-label-technologies = Technologies
practice-sdg-short = ODD
autosave-problems = { $count ->
        [one] { $count } réponse à corriger : voyez le message à côté.
       *[other] { $count } réponses à corriger : voyez les messages à côté.
    }
submitted-heading = Réponses envoyées
submitted-thanks = Merci : les réponses de { $city } ont été envoyées le { $when }.
submitted-next-heading = La suite
submitted-next-review = Le secrétariat examine les réponses et peut demander des justificatifs pour certaines d'entre elles.
submitted-next-mail = Vous recevrez un courriel lorsqu'elles seront acceptées, ou si elles sont renvoyées avec des commentaires à traiter ; vous pourrez alors les modifier et les envoyer de nouveau.
submitted-next-findings = Les réponses acceptées font partie de l'analyse de l'édition ; les résultats montrent des profils et des parts de villes, jamais un classement.
overview-how-heading = Comment répondre
overview-deadline = Date limite : { $date }
overview-how = Répondez à chaque page de la liste ci-dessus : vos réponses sont enregistrées pendant la saisie et la barre à côté de chaque page indique son avancement. Lorsque toutes les réponses obligatoires sont données, relisez-les et envoyez-les. Vous pouvez aussi télécharger le classeur, répondre hors ligne et le déposer.
overview-contact = Des questions ? Écrivez au secrétariat de la communauté à l'adresse qui vous a invité, ou répondez à son courriel.
overview-to-address = Commentaires à traiter
overview-to-address-intro = Le secrétariat a renvoyé les réponses avec ces commentaires. Corrigez ce qui doit l'être sur chaque page et envoyez-les de nouveau.
footer-api = Données ouvertes : API JSON (description OpenAPI)
city-map-description = Une carte du monde où { $country } est ombré et un point marque { $city }.
review-staff-heading = Examen des réponses de { $city }
refused-deadline-passed = La date limite { $deadline } est passée : choisissez un jour à venir.
refused-deadline-before-call = La date limite { $deadline } n'est pas postérieure à l'appel à participation ({ $call }).
question-choices = { $count ->
        [one] { $count } option
       *[other] { $count } options
    }
campaign-show = Afficher
campaign-show-all = Toutes les villes
campaign-show-awaiting = À examiner
campaign-show-returned = Renvoyées
campaign-show-silent = Silencieuses (rien de répondu)
workshop-id-taken = Un atelier porte déjà l’identifiant { $id } : choisissez-en un autre ou modifiez cet atelier.
workshop-title = Atelier en { $language }, { $date }
picker-filter = Chercher une ville
picker-chosen = { $count ->
    [one] { $count } ville choisie
   *[other] { $count } villes choisies
}
campaign-preview-heading = Avant d’inviter
campaign-preview-intro = { $count ->
    [one] { $count } ville membre n’a pas encore été invitée. Ses points focaux recevront le courriel ci-dessous, chacun avec un lien personnel.
   *[other] { $count } villes membres n’ont pas encore été invitées. Leurs points focaux recevront le courriel ci-dessous, chacun avec un lien personnel.
}
campaign-preview-no-focal-point = aucun point focal : la ville entre dans la campagne, mais personne ne reçoit de courriel
campaign-preview-mail = Le courriel
campaign-preview-send = { $count ->
    [one] Envoyer l’invitation
   *[other] Envoyer { $count } invitations
}
campaign-preview-cancel = Annuler
campaign-preview-none = Toutes les villes membres actives ont déjà été invitées. Utilisez les rappels pour celles qui n’ont pas répondu.
cond-this-answer = cette réponse
cond-or = { $a } ou { $b }
cond-and = { $a } et { $b }
cond-eq = { $a } est { $b }
cond-ne = { $a } n’est pas { $b }
cond-lt = { $a } est inférieur à { $b }
cond-le = { $a } est au plus { $b }
cond-gt = { $a } est supérieur à { $b }
cond-ge = { $a } est au moins { $b }
cond-add = { $a } + { $b }
cond-sub = { $a } − { $b }
cond-mul = { $a } × { $b }
cond-div = { $a } ÷ { $b }
cond-mod = reste de { $a } ÷ { $b }
cond-not = non ({ $a })
cond-selected = { $a } comprend { $b }
cond-count-selected = nombre d’options choisies dans { $a }
cond-length = longueur de { $a }
cond-true = toujours
cond-false = jamais
cond-if = si { $a }, alors { $b }, sinon { $c }
cond-in-words = En clair
cond-build = Composer une condition
cond-build-intro = Choisissez une question, une comparaison et une valeur ; la condition s’ajoute à celle du dessus (avec « et ») à l’enregistrement.
cond-question = Question
cond-comparison = Comparaison
cond-value = Valeur
cond-pick-eq = est
cond-pick-ne = n’est pas
cond-pick-lt = est inférieur à
cond-pick-le = est au plus
cond-pick-gt = est supérieur à
cond-pick-ge = est au moins
cond-pick-selected = comprend
editor-campaign-open = La campagne est ouverte : { $cities ->
    [one] { $cities } ville répond
   *[other] { $cities } villes répondent
} à ce questionnaire. Chaque modification atteint leurs formulaires aussitôt ; une nouvelle question obligatoire est posée aux villes qui n’ont pas encore envoyé.
editor-delete-confirm = Retirer la question { $name } ?
editor-delete-confirm-intro = La question quitte le questionnaire dans une nouvelle version ; les versions antérieures la conservent. Elle n’a aucune réponse.
editor-delete-yes = Oui, la retirer
editor-delete-no = Non, la garder
question-hint-unit = Unité : { $unit }
unit-count = nombre
unit-percent = %
unit-km = km
unit-year = année
unit-years = ans
unit-firms_per_1000_inhabitants = entreprises pour 1 000 habitants
results-index-alpha-none = non calculable (moins de deux indicateurs, ou moins de deux villes ayant répondu à tous)
results-index-pc1-none = non calculable (moins de trois villes ayant répondu à tous les indicateurs)
results-index-interval-chart = Intervalle en barre
results-method-heading = Méthode et provenance
results-text-question = Les réponses à cette question sont du texte libre : elles sont résumées en les codant en catégories, présentées avec les obstacles et les leviers.
results-no-answers = Aucune ville n’a encore répondu à cette question.
nav-events = Événements
events-heading = Événements
events-intro = Webinaires, rencontres d’apprentissage avec des organisations partenaires et présentations de l’étude, passés et à venir.
events-subscribe = S’abonner au calendrier (iCalendar)
events-feed-title = Smart Cities Study : événements
events-upcoming = À venir
events-past = Événements passés
events-none-upcoming = Aucun événement n’est encore annoncé.
events-none-past = Aucun événement n’a encore été enregistré.
events-private = non public
events-audience = Public
events-partners = Partenaires
events-attendance = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
events-component = Composante
events-material = document { $n }
events-edit = Corriger cet événement
events-record = Enregistrer un événement
events-correct = Corriger un événement
events-not-saved = Rien n’a été enregistré : voir les champs signalés ci-dessous.
events-field-id = Identifiant
events-id-rule = minuscules, chiffres et tirets, p. ex. 2026-03-webinaire-donnees-ouvertes
events-field-title = Titre
events-field-kind = Type
events-field-language = Langue de l’événement
events-field-starts = Premier jour
events-field-ends = Dernier jour (pour les événements de plusieurs jours)
events-field-place = Lieu (vide pour un événement en ligne)
events-field-audience = Public
events-field-materials = Documents : un lien par ligne
events-field-attendance = Participants (une fois connus)
events-field-edition = Édition de l’étude concernée
events-field-public = Afficher dans le calendrier public et le flux
events-save = Enregistrer l’événement
event-online = En ligne
event-kind-webinar = Webinaire
event-kind-learning_meeting = Rencontre d’apprentissage
event-kind-presentation = Présentation de l’étude
event-kind-partner_meeting = Rencontre avec une organisation partenaire
event-kind-statutory_meeting = Réunion des instances du réseau
component-implementation = Mise en œuvre
component-representation = Représentation
component-monitoring = Contrôle et suivi
component-learning = Apprentissage
component-strengthening = Renforcement du réseau
event-problem-title = donnez un titre de 1 à { $max } caractères
event-problem-day = indiquez le jour, comme 2026-03-12
event-problem-order = l’événement ne peut pas finir avant de commencer
event-problem-long = ce texte doit faire moins de { $max } caractères
event-problem-links = indiquez au plus { $max } liens
event-problem-link = { $link } n’est pas un lien http ou https
event-problem-partner = { $partner } n’est pas une organisation partenaire de la communauté
event-problem-language = choisissez l’espagnol, l’anglais ou le français
event-problem-attendance = indiquez un nombre entier de participants
event-problem-id = indiquez un identifiant de 3 à 80 minuscules, chiffres et tirets internes, ou laissez-le vide pour le créer à partir du titre
event-problem-date = indiquez une date comme 2027, 2027-03 ou 2027-03-12
event-problem-choice = choisissez l’une des options
events-id-blank = laissez vide pour le créer à partir de la date et du titre
refused-event-invalid = L’événement n’a pas été enregistré :
refused-event-id-taken = Un événement avec l’identifiant { $id } existe déjà : choisissez-en un autre ou corrigez cet événement.

## Communauté : formulaires, renouvellement, rapport d’avancement
community-problem-missing = ce champ est obligatoire
community-problem-control = Écrivez-le sur une seule ligne, sans saut de ligne ni tabulation.
community-problem-email = ce n’est pas une adresse électronique
community-problem-focal-points = indiquez entre un et { $max } points focaux
refused-community-invalid = Rien n’a été enregistré :
refused-round-open = La campagne de renouvellement { $round } est encore ouverte ; clôturez-la avant d’en ouvrir une autre.
refused-round-closed = Cette campagne de renouvellement est close.
refused-own-account = Vous ne pouvez ni désactiver ni effacer votre propre compte ; demandez-le à une autre personne du secrétariat.
refused-confirmation-needed = Pour confirmer, saisissez de nouveau l’adresse dans le champ de confirmation.
refused-account-disabled = Ce compte est désactivé. Écrivez au secrétariat pour qu’il soit réactivé.
refused-too-many-applications = Trop de demandes ont été envoyées au cours de la dernière heure. Réessayez dans une heure ou écrivez au secrétariat.
refused-round-closes-in-past = La campagne doit se clore un jour après aujourd’hui.
refused-already-decided = Cette candidature a déjà été tranchée.
activity-status-planned = Prévue
activity-status-under_way = En cours
activity-status-done = Réalisée
activity-status-cancelled = Annulée
progress-title = Rapport d’avancement au Secrétariat mondial
progress-period = Période
progress-drawn-up = Établi le
progress-section-activities = Principales activités, par composante des priorités stratégiques du réseau
progress-activities = Activités du plan
progress-events = Événements
progress-figures = Chiffres
progress-nothing = Rien sur cette période.
progress-leadership = Point sur la direction de la communauté
progress-summary = Synthèse des résultats de la période
progress-online = en ligne
progress-edition = Édition { $year }
progress-reported-cities = { $cities ->
        [one] { $cities } ville participante
       *[other] { $cities } villes participantes
    }, selon l’édition
progress-participation = { $invited ->
        [one] { $invited } ville invitée
       *[other] { $invited } villes invitées
    }, { $answered ->
        [one] { $answered } a répondu
       *[other] { $answered } ont répondu
    } ({ $rate }), { $accepted ->
        [one] { $accepted } acceptée
       *[other] { $accepted } acceptées
    }
progress-practices-published = Bonnes pratiques publiées sur la période
progress-practices-total = Bonnes pratiques du catalogue
progress-lead = { $city } dirige la communauté, représentée par { $representative }, { $office }.
progress-presentations = Présentations de l’étude
progress-round-open = ouverte
progress-round-closed = close
progress-round = { $state } : { $confirmed ->
        [one] { $confirmed } confirmation
       *[other] { $confirmed } confirmations
    }, { $updated ->
        [one] { $updated } mise à jour
       *[other] { $updated } mises à jour
    }, { $left ->
        [one] { $left } départ
       *[other] { $left } départs
    }, { $silent } sans réponse
progress-learning-events = Webinaires et réunions d’apprentissage
progress-attendance = Participants au total
progress-applications = Candidatures d’adhésion
progress-applications-detail = { $received ->
        [one] { $received } reçue
       *[other] { $received } reçues
    }, { $approved ->
        [one] { $approved } acceptée
       *[other] { $approved } acceptées
    }
progress-downloads = Téléchargements de l’édition { $year }
progress-council-nothing = n’a pas encore reçu de résultats
progress-council-received = a reçu les résultats de { $editions }
progress-lead-since = { $city } dirige la communauté depuis { $since }.
progress-no-leadership = Aucune direction n’est enregistrée.
progress-summary-edition = édition { $year }, « { $title } » ({ $cities ->
        [one] { $cities } ville
       *[other] { $cities } villes
    })
progress-summary-work = Sur la période { $period }, la communauté a travaillé sur { $count ->
    [0] aucune édition de l’étude
    [one] une édition de l’étude : { $editions }
   *[other] { $count } éditions de l’étude : { $editions }
}. { $practices ->
        [one] { $practices } bonne pratique a été publiée
       *[other] { $practices } bonnes pratiques ont été publiées
    } dans le catalogue, et les éditions publiées ont été téléchargées { $downloads } fois depuis le site.
progress-summary-no-renewal = la liste des membres n’a pas été renouvelée
progress-summary-renewal = la liste des membres a été renouvelée ({ $confirmed ->
        [one] { $confirmed } membre reste
       *[other] { $confirmed } membres restent
    }, { $left ->
        [one] { $left } est parti
       *[other] { $left } sont partis
    }, { $silent } { $closed ->
        [yes] ont expiré sans répondre
       *[other] n’ont pas encore répondu
    })
progress-summary-network = La communauté a organisé ou suivi { $events ->
        [one] { $events } événement
       *[other] { $events } événements
    }, avec { $attendance ->
        [one] { $attendance } participant
       *[other] { $attendance } participants
    } au total, aux côtés de { $partners ->
        [one] { $partners } organisation partenaire
       *[other] { $partners } organisations partenaires
    } ; { $renewal }. Elle compte { $active ->
        [one] { $active } membre actif.
       *[other] { $active } membres actifs.
    }
nav-community = Communauté
renewal-page-heading = Adhésion de { $city }
renewal-closes = réponses jusqu’au { $date }
renewal-thanks = Merci : votre réponse est enregistrée. Vous pouvez la modifier jusqu’à la clôture de la campagne.
renewal-your-answer = Votre réponse
renewal-stay = Rester membre
renewal-stay-intro = Vérifiez les personnes auxquelles la communauté écrit au sujet de l’étude. Corrigez-les ou ajoutez-en, ou confirmez-les telles quelles.
renewal-focal-points = Points focaux
renewal-focal-name = Nom
renewal-focal-role = Fonction
renewal-focal-email = Courriel
renewal-focal-hint = Laissez une ligne vide pour retirer cette personne.
renewal-confirm = Confirmer : ces informations sont justes
renewal-update = Enregistrer les informations corrigées
renewal-leave-heading = Quitter la communauté
renewal-leave-note = Pourquoi la ville part (facultatif)
renewal-leave = Quitter la communauté
renewal-answer-waiting = Sans réponse
renewal-answer-confirmed = A confirmé
renewal-answer-updated = A mis à jour
renewal-answer-left = Est partie
renewal-heading = Renouvellement de la liste des membres
renewal-intro = Les points focaux de chaque membre reçoivent un lien pour confirmer ou corriger les contacts de la ville, ou pour partir. Les membres qui n’ont pas répondu à la clôture expirent ; rien n’est supprimé.
renewal-opened = ouverte le { $date }
renewal-remind = Relancer les membres sans réponse
renewal-close-confirm = Je comprends que { $count ->
        [one] { $count } membre sans réponse va expirer
       *[other] { $count } membres sans réponse vont expirer
    }
renewal-close = Clore la campagne
renewal-filter = Afficher
renewal-col-answer = Réponse
renewal-col-when = Quand
renewal-col-reminders = Relances
renewal-col-note = Note
renewal-open-heading = Ouvrir une campagne de renouvellement
renewal-field-title = Titre de la campagne
renewal-field-closes = Dernier jour pour répondre
renewal-open-hint = Chaque membre actif passe en « renouvellement en attente », et chacun de ses points focaux reçoit par courriel le lien de la ville.
renewal-open = Ouvrir la campagne et écrire aux membres
renewal-past = Campagnes précédentes
renewal-notice-opened = La campagne est ouverte ; les courriels sont dans la boîte d’envoi.
renewal-notice-reminded = Les relances sont dans la boîte d’envoi.
renewal-notice-closed = La campagne est close ; les membres sans réponse ont expiré.
renewal-notice-approved = La ville est désormais membre ; la personne qui l’a demandé sera prévenue par courriel.
renewal-notice-declined = La candidature est refusée ; son motif sera envoyé par courriel.
renewal-notice-spam = La demande est marquée comme indésirable : elle sort des listes et des décomptes, et personne n’est prévenu.
applications-heading = Candidatures d’adhésion
applications-none = Aucune ville n’a posé sa candidature.
applications-reason = Motif
applications-latitude = Latitude (pour la carte des membres)
applications-longitude = Longitude
applications-approve = Accepter
applications-decline = Refuser, avec le motif ci-dessus
applications-spam = Marquer comme indésirable
application-status-pending = En attente de décision
application-status-approved = Acceptée
application-status-declined = Refusée
application-status-spam = Indésirable
join-heading = Demander l’adhésion
join-intro = Les villes qui souhaitent participer à la communauté et à son étude le demandent ici. Le secrétariat répond par courriel.
join-sent = Merci : la candidature est enregistrée. Le secrétariat répondra par courriel.
join-city = Ville
join-motivation = Pourquoi la ville souhaite adhérer (facultatif)
join-send = Envoyer la candidature
join-trap = Laissez ce champ vide
community-heading = La communauté
members-staff-note = Vous voyez tous les membres enregistrés ; le public voit les membres actuels (actifs ou en renouvellement).
community-intro = Qui dirige la communauté de pratique, où elle est représentée, et son plan d’activités par semestre.
community-leadership = Direction
community-bodies = Organes du réseau auxquels participe la ville qui dirige
community-councils = Conseils politiques qui devraient recevoir les résultats
community-plan = Plan d’activités
community-plan-empty = Aucune activité n’est encore prévue.
community-report-intro = Le rapport au Secrétariat mondial : une section par composante avec ses activités et ses chiffres, le point sur la direction et une synthèse des résultats.
community-report-from = Premier mois
community-report-to = Dernier mois
community-report-lang = Langue
community-report-summary = Synthèse des résultats
community-report-summary-hint = Laissée vide, la synthèse est rédigée à partir des données.
community-report-draft = Partir de la synthèse rédigée
community-report-html = Établir le rapport (page web)
community-report-pdf = Établir le rapport (PDF)
community-leadership-edit = Corriger la direction
community-lead-city = Ville qui dirige
community-representative = Représentant
community-office = Fonction
community-since = Dirige depuis (année, ou année et mois)
community-update = Point sur la direction pour le rapport
community-bodies-field = Organes du réseau et le rôle de la ville cheffe de file dans chacun ; videz une ligne pour la retirer
community-councils-field = Conseils politiques et les éditions dont chacun a reçu les résultats ; videz une ligne pour la retirer
community-activity-edit = Corriger une activité
community-activity-new = Prévoir une activité
community-activity-title = Ce qui est fait
community-semester = Semestre (p. ex. 2027-S1)
community-owner = Qui la mène
community-activity-start = Début (facultatif : AAAA-MM ou AAAA-MM-JJ)
community-activity-end = Fin (facultative)

# Collection and publication kept apart
refused-not-open-yet = L’édition { $edition } ne reçoit pas encore de réponses.
refused-collection-closed = L’édition { $edition } ne reçoit plus de réponses.
refused-deadline-behind = La date limite des réponses à l’édition { $edition } était le { $date }.
refused-write-to-secretariat = Pour modifier une réponse, écrivez au secrétariat : { $contact }
refused-already-public = La version { $version } est déjà publique.
refused-version-withdrawn = La version { $version } a été retirée ; publiez plutôt une nouvelle version.
refused-moment-passed = « { $at } » n’est pas un moment à venir : choisissez une date et une heure futures.
refused-collection-unchanged = La collecte ne peut pas faire cela maintenant : elle est { $state }.
collection-planning = pas encore ouverte
collection-open = ouverte
collection-closed = fermée
collection-state = Réponses
collection-reopen = Rouvrir les réponses
collection-close = Fermer la collecte
collection-extend-city = Accorder un délai à une ville
collection-extend-until = jusqu’au
collection-extend = Accorder le délai
collection-choose-city = Choisissez une ville
collection-bad-date = Écrivez la date sous la forme AAAA-MM-JJ.
collection-confirm-heading = Confirmer
collection-confirm-open = Les villes pourront répondre jusqu’au { $date } (inclus).
collection-confirm-close = Les villes ne pourront plus répondre. Ce qu’elles ont enregistré est conservé ; vous pourrez rouvrir la collecte plus tard.
collection-confirm-extend = Cette ville pourra répondre jusqu’au { $date } (inclus), quelle que soit la date limite de l’édition.
collection-confirm-mailed = { $count ->
    [one] La ville qui répond encore sera prévenue par courriel :
   *[other] Les { $count } villes qui répondent encore seront prévenues par courriel :
}
collection-confirm-nobody = Aucun courriel n’est envoyé : aucune ville ne répond encore.
collection-confirm-button = Confirmer
collection-opened-notice = La collecte est ouverte. Villes prévenues : { $cities } ; messages en file d’attente : { $mails }.
collection-closed-notice = La collecte est fermée. Villes prévenues : { $cities } ; messages en file d’attente : { $mails }.
collection-extended-notice = La ville a plus de temps pour répondre. Messages en file d’attente : { $mails }.
collection-own-deadline = jusqu’au { $date }
status-closed = Réponses closes
status-collecting-published = Collecte en cours ; résultats provisoires publiés
pub-publish-provisional = Les villes répondent encore : une version faite maintenant indique sur chaque page et chaque fichier que ses résultats sont provisoires. La faire ne ferme pas la collecte.
pub-publish-collection-kept = Faire une version ne change jamais la possibilité pour les villes de répondre.
pub-changes-field = Ce qui a changé depuis la version { $version } ({ $language })
pub-when = Quand devient-elle publique ?
pub-when-preview = La garder privée : je la relirai d’abord
pub-when-now = Publique dès qu’elle est faite
pub-when-at = À une date et une heure :
pub-at-local = Date et heure
pub-at-zone = Fuseau horaire
pub-provisional = provisoire
pub-make-public = Rendre la version { $version } publique maintenant
pub-schedule = Programmer
pub-unschedule = Annuler la programmation (la garder privée)
pub-state-public = publique depuis le { $at }
pub-state-scheduled = privée jusqu’au { $at } (UTC), puis publique
pub-state-preview = aperçu privé
pub-public-flash = La version { $version } est publique.
pub-scheduled-flash = La version { $version } deviendra publique à l’heure fixée.
pub-unscheduled-flash = La version { $version } est de nouveau un aperçu privé.
pub-publish-button = Faire la version { $version }
pub-published-flash = La version { $version } est faite : publique, programmée ou en aperçu privé, selon votre choix (voir ci-dessous).
pub-provisional-short = Résultats provisoires.
pub-provisional-note = Cette version a été faite alors que les villes répondaient encore : { $answering ->
        [one] { $answering } des { $invited } villes invitées avait répondu.
       *[other] { $answering } des { $invited } villes invitées avaient répondu.
    } Ses chiffres changeront.
pub-changes = Ce qui a changé
pub-changes-auto = La version { $version } reposait sur les réponses de { $before } villes ; celle-ci sur celles de { $now }.

## Personal data
privacy-heading = Confidentialité
privacy-what-we-keep = Ce que nous conservons à votre sujet, et pourquoi.
privacy-intro = Cette plateforme mène l’Étude des villes intelligentes d’un réseau de villes. Elle ne conserve sur les personnes que ce dont ce travail a besoin, et rien n’est vendu ni partagé à d’autres fins.
privacy-what-heading = Ce qui est conservé
privacy-what-accounts = Pour les personnes qui se connectent : nom, adresse électronique, rôle, ville pour laquelle elles répondent, mot de passe sous forme d’empreinte irréversible et sessions ouvertes.
privacy-what-focal = Pour les points focaux de chaque ville membre : nom, fonction et adresse électronique, pour envoyer invitations, rappels et demandes de renouvellement.
privacy-what-applications = Pour les villes qui demandent à adhérer : nom, fonction et adresse de la personne de contact, et la motivation indiquée.
privacy-what-answers = Pour chaque réponse d’une ville : qui l’a enregistrée ou relue, et quand, pour que la ville et le secrétariat puissent en suivre l’historique.
privacy-what-practices = Pour une bonne pratique : le contact indiqué par sa ville, s’il y en a un.
privacy-what-technical = Données techniques : les connexions échouées pendant un quart d’heure, le courrier en attente d’envoi et une empreinte anonyme de l’expéditeur des formulaires publics (jamais l’adresse elle-même) pour limiter les abus.
privacy-why-heading = Pourquoi
privacy-why = Pour mener chaque édition de l’étude avec les villes membres (invitations, réponses, relecture, publication), tenir à jour la liste des membres et protéger la plateforme des abus. Les résultats publiés portent sur des villes, jamais sur des personnes.
privacy-how-long-heading = Pour combien de temps
privacy-how-long-accounts = Comptes et points focaux : tant que la personne participe, ou jusqu’à ce qu’elle en demande l’effacement.
privacy-how-long-applications = Demandes refusées : { $declined } jours après la décision. Demandes marquées comme indésirables : { $spam } jours.
privacy-how-long-technical = Connexions échouées : 15 minutes. Sessions : jusqu’à leur expiration ou la déconnexion.
privacy-rights-heading = Vos droits, et à qui vous adresser
privacy-rights = Vous pouvez demander une copie de tout ce qui est conservé à votre sujet, une rectification ou l’effacement. Le secrétariat répond dans un délai d’un mois. Après l’effacement, les réponses que vous avez données restent à votre ville, attribuées à « un ancien contact ».
privacy-contact = Écrivez au secrétariat
privacy-contact-secretariat = Écrivez au secrétariat de la communauté à l’adresse indiquée dans ses invitations.
people-heading = Données personnelles
people-intro = Trouvez ce que la plateforme conserve sur une personne, remettez-le-lui, désactivez son compte ou effacez-la à sa demande.
people-find = Chercher
people-held = Ce qui est conservé sur { $email }
people-nothing = Rien n’est conservé sur cette adresse.
people-account = Un compte : { $name } ({ $role })
people-disabled = désactivé
people-focal = Point focal de { $city } : { $name }, { $role }
people-applications = { $count ->
    [one] { $count } demande d’adhésion
   *[other] { $count } demandes d’adhésion
}
people-practice = Contact de la pratique
people-records = { $count ->
    [one] { $count } enregistrement fait, dans
   *[other] { $count } enregistrements faits, dans
}
people-mails = { $count ->
    [one] { $count } courrier à cette adresse
   *[other] { $count } courriers à cette adresse
}
people-export = Tout télécharger dans un fichier JSON
people-disable = Désactiver le compte (ses sessions prennent fin maintenant)
people-enable = Réactiver le compte
people-erase-explained = L’effacement supprime le compte, les points focaux, les demandes, le contact des pratiques et le courrier à cette adresse. Les réponses et relectures restent à leur ville, attribuées à « un ancien contact ». C’est irréversible.
people-erase-confirm = Pour confirmer, saisissez de nouveau l’adresse
people-erase = Effacer cette personne
people-done-disabled = Le compte est désactivé : ses sessions ont pris fin.
people-done-enabled = Le compte est de nouveau actif.
people-done-erased = Les données de la personne sont effacées.
people-former-contact = un ancien contact

## Drafted findings: every sentence states its figure
sentence-answer-yes = répondent oui à « { $question } »
sentence-spread-most = La plupart des villes ({ $share }) { $predicate }.
sentence-spread = { $share } des villes { $predicate }.
sentence-spread-few = Peu de villes ({ $share }) { $predicate }.
sentence-listed = { $predicate } ({ $share })
sentence-city-one-of = { $city } fait partie des { $share } de villes qui { $predicate }.
sentence-city-not-yet = { $share } des villes { $predicate } ; { $city } pas encore.
sentence-city-level = { $city } fait partie des { $share } de villes au niveau « { $level } » ou au-dessus pour « { $question } ».
sentence-city-below = { $share } des villes sont au-dessus de « { $level } », le niveau de { $city }, pour « { $question } ».
sentence-axis = { $axis } : { $finding }
pub-practice-shown-in = Pas encore traduit : affiché en { $language }, tel qu’écrit.
statements-heading = Énoncés pour les résultats rédigés
statements-intro = Les résultats rédigés ne partent que des questions par oui ou non, seules listées ici. Pour chacune, ce que fait une ville qui répond oui, avec « les villes » pour sujet (« ont un plan d’action climat en vigueur »). Les résultats rédigés l’emploient au lieu de citer la question ; une langue laissée vide n’est pas rédigée. 200 caractères au plus.
statements-save = Enregistrer les énoncés
statements-saved = Énoncés enregistrés comme version { $version } du cadre.
statements-link = Énoncés pour les résultats rédigés
pub-legend-share = Part des villes répondantes
pub-legend-interval = Intervalle à 95 %
event-problem-capacity = indiquez un nombre de places d’au moins 1, ou laissez vide
event-problem-time = indiquez une heure, comme 10:00
event-problem-zone = choisissez un fuseau horaire dans la liste, comme Europe/Madrid
events-field-texts = Textes dans chaque langue
events-texts-hint = Écrivez les textes dans la langue que vous connaissez ; laissez une langue vide jusqu’à ce que quelqu’un les traduise. Là où une traduction manque, l’original est affiché et signalé comme tel.
events-field-original = Écrit d’abord en
events-field-starts-at = Commence à (heure locale)
events-field-ends-at = Finit à (heure locale)
events-field-zone = Fuseau horaire du lieu (ou des organisateurs, en ligne)
events-field-online = Lien pour suivre en ligne
events-field-registration = Lien d’inscription
events-field-capacity = Places (vide si pas de limite)
events-join = Suivre en ligne
events-register = S’inscrire
events-capacity = { $count ->
        [one] { $count } place
       *[other] { $count } places
    }
events-hours = { $starts }–{ $ends } ({ $zone }, { $offset })
events-hours-start = { $starts } ({ $zone }, { $offset })
events-your-time = votre heure :
events-missing = Traductions manquantes
events-missing-count = { $count ->
        [one] { $count } événement n’a pas de texte en { $language }
       *[other] { $count } événements n’ont pas de texte en { $language }
    }
events-missing-show = les afficher
events-missing-all = afficher tous les événements
events-missing-none = Tous les événements ont leurs textes dans les trois langues.
events-showing-missing = Seuls les événements sans texte en { $language } sont affichés.
text-original-in = Original en { $language }
text-translated-from = Traduction ; original en { $language }
progress-lead-no-office = { $city } dirige la communauté, représentée par { $representative }.
community-body = Organe { $n }
community-body-role = Rôle dans l’organe { $n }
community-council = Conseil { $n }
community-council-received = Éditions reçues par le conseil { $n } (p. ex. 2019, 2021)
translations-heading = Textes sans traduction
translations-intro = Chaque type de texte écrit pour le public, combien il y en a et combien n’ont pas de texte dans chaque langue. Là où une traduction manque, le public voit l’original, signalé comme tel.
translations-col-kind = Type de texte
translations-col-items = Éléments
translations-col-missing = Sans { $language }
translations-kind-events = Événements
translations-kind-activities = Activités du plan
translations-kind-leadership = Direction de la communauté
translations-kind-renewal-rounds = Campagnes de renouvellement
translations-kind-partners = Organisations partenaires
translations-kind-practices = Pratiques du catalogue
translations-kind-questions = Questions des questionnaires
city-names-edit = Noms dans chaque langue
city-names-heading = Noms de { $city }
city-names-intro = Le nom anglais est celui du registre et s’affiche là où une langue n’a pas de nom propre. Laissez vide le nom espagnol ou français lorsqu’il est identique au nom anglais.
city-names-en = Nom en anglais
city-names-es = Nom en espagnol
city-names-fr = Nom en français
city-names-save = Enregistrer les noms
city-names-back = Retour à { $city }
synonyms-heading = Synonymes de recherche
synonyms-intro = Les mots qu’une recherche doit traiter comme identiques, par langue : un groupe par ligne, mots séparés par des virgules (par exemple « vélo, bicyclette, cyclisme »). Une recherche dans cette langue d’un mot du groupe trouve ce que trouve n’importe lequel d’entre eux.
synonyms-field = Groupes de synonymes en { $language }
synonyms-save = Enregistrer les synonymes en { $language }
synonyms-saved = Les synonymes en { $language } sont enregistrés ; les recherches les utilisent désormais.
synonyms-none = Pas encore de synonymes.
synonyms-back = Retour au catalogue
synonyms-link = Synonymes de recherche
synonyms-problem-groups = Au plus { $max } groupes par langue.
synonyms-problem-alone = Ligne { $line } : un groupe demande au moins deux mots différents, séparés par des virgules.
synonyms-problem-words = Ligne { $line } : au plus { $max } mots par groupe.
synonyms-problem-word = Ligne { $line } : « { $word } » n’est pas un mot : n’utilisez que des lettres et des chiffres, au plus { $max } caractères.
community-activity-correct = Corriger cette activité
community-leadership-save = Enregistrer la direction
community-activity-save = Enregistrer l’activité
synonyms-one-per-line = Un groupe par ligne, mots séparés par des virgules

## L'équipe qui répond pour une ville
team-link = { $count ->
    [one] Équipe ({ $count } personne)
   *[other] Équipe ({ $count } personnes)
}
team-heading = Qui répond
team-intro = Une étude sur six axes a besoin de plusieurs services. Le point focal invite des collègues et confie à chacun les sections auxquelles il répond ; un collègue lit toutes les sections et n'enregistre que les siennes. Chaque modification porte le nom de son auteur, et le point focal envoie les réponses.
team-members = L'équipe
team-focal-point = Point focal
team-colleague = Collègue
team-sections = Sections
team-sections-of = Sections auxquelles répond { $name }
team-save-sections = Enregistrer les sections
team-end = Retirer l'accès
team-ended = accès retiré le { $date }
team-answers-saved = { $count ->
    [one] { $count } réponse est à son nom
   *[other] { $count } réponses sont à son nom
}
team-invite-heading = Inviter un collègue
team-invite-intro = Il reçoit un lien pour choisir son mot de passe, dans la langue de votre choix, et pourra répondre aux sections que vous cochez.
team-name = Nom
team-mail-language = Langue du courriel
team-invite = Inviter
team-invited = Invitation envoyée à { $email }.
team-focal-heading = Changer de point focal
team-focal-intro = Le nouveau point focal répond à toutes les sections et envoie les réponses ; le compte du point focal précédent est désactivé et le registre nomme le nouveau. Un collègue ayant cette adresse devient le point focal.
team-role = Fonction
team-focal-change = Nommer point focal
team-your-sections = Vos sections : { $sections }. Vous pouvez lire les autres ; le point focal envoie les réponses.
team-yours = la vôtre
team-read-only-section = Un collègue répond à cette section : vous pouvez la lire mais pas la modifier.
team-section-answered-by = { $count ->
    [one] Y répond : { $names }.
   *[other] Y répondent : { $names }.
}
review-who-heading = Qui a répondu
review-answered-by = par { $name }
team-name-missing = Indiquez le nom de la personne.
team-name-invalid = Un nom compte au plus { $max } caractères, sans caractère de contrôle.
team-address-invalid = Ce n'est pas une adresse électronique.
team-address-taken = Cette adresse appartient déjà à quelqu'un qui ne peut pas occuper cette place (la personne qui répond pour une autre ville, le secrétariat, un analyste ou le point focal de cette ville).
team-no-sections = Cochez au moins une section à laquelle le collègue répondra.
team-unknown-section = Le questionnaire n'a pas de section « { $section } ».
team-not-a-colleague = Cette personne n'est pas un collègue de l'équipe de la ville.
team-not-your-section = Une autre personne de l'équipe de votre ville répond à « { $section } » : rien n'a été enregistré.
team-focal-point-only = Seul le point focal de la ville (ou le secrétariat) peut le faire.
team-mail-colleague-subject = Smart Cities Study — { $city } : { $inviter } vous demande de répondre à une partie du questionnaire
team-mail-colleague-body = { $inviter } vous invite à répondre à ces sections du questionnaire de { $city } pour « { $edition } » : { $sections }.

    Vous pouvez lire le reste du questionnaire ; { $inviter } envoie les réponses. Ouvrez ce lien pour choisir votre mot de passe et commencer :

    { $link }
team-mail-focal-subject = Smart Cities Study — { $city } : vous êtes désormais le point focal
team-mail-focal-body = Le secrétariat vous a nommé point focal de { $city } pour « { $edition } » : vous répondez à toutes les sections, pouvez inviter des collègues pour certaines d'entre elles et envoyez les réponses.

    { $link }

## Ce qui attend sur la page personnelle
inbox-heading = En attente
inbox-empty = Rien ne vous attend.
inbox-awaiting-review = { $count ->
    [one] { $count } réponse à { $year } attend votre vérification
   *[other] { $count } réponses à { $year } attendent votre vérification
}
inbox-draft-practices = { $count ->
    [one] { $count } pratique en brouillon
   *[other] { $count } pratiques en brouillon
}
inbox-applications = { $count ->
    [one] { $count } candidature d’adhésion attend une décision
   *[other] { $count } candidatures d’adhésion attendent une décision
}
inbox-renewal-round = Le renouvellement de la liste des membres « { $name } » est ouvert
inbox-mail-failures = { $count ->
    [one] { $count } courriel n'a pas pu être remis
   *[other] { $count } courriels n'ont pas pu être remis
}
inbox-stale-results = Les résultats de { $year } ne correspondent plus aux réponses : relancez l'analyse
inbox-answer = Répondez au questionnaire de { $year }
inbox-answer-due = Répondez au questionnaire de { $year } d'ici le { $date }
inbox-returned = Vos réponses à { $year } ont été renvoyées avec des commentaires : corrigez-les et envoyez-les de nouveau
inbox-practices-returned = { $count ->
    [one] { $count } pratique de votre ville a été renvoyée avec des commentaires
   *[other] { $count } pratiques de votre ville ont été renvoyées avec des commentaires
}
inbox-your-sections = (vos sections : { $sections })

## Les aides à la vérification
evidence-save-all = Enregistrer tous les niveaux de preuve
review-changed = modifiée depuis le renvoi
review-previous = Édition précédente
review-changed-since = { $count ->
    [one] Renvoyée à la ville le { $date } ; { $count } réponse a changé depuis.
   *[other] Renvoyée à la ville le { $date } ; { $count } réponses ont changé depuis.
}
review-outliers = { $count ->
    [one] { $count } chiffre se démarque : vérifiez-le avec la ville.
   *[other] { $count } chiffres se démarquent : vérifiez-les avec la ville.
}
review-outlier-fences = { $cities ->
    [one] Hors de l'intervalle donné par la plupart des villes (de { $low } à { $high }, { $cities } ville).
   *[other] Hors de l'intervalle donné par la plupart des villes (de { $low } à { $high }, d'après { $cities } villes).
}
review-outlier-change = Plus du double, ou moins de la moitié, du chiffre de la ville en { $year } ({ $from }).
review-reviewer = Vérificateur
review-nobody = Personne pour l'instant
review-assign = Attribuer
inbox-assigned-to-you = { $count ->
    [one] { $count } réponse à { $year } vous est attribuée pour vérification
   *[other] { $count } réponses à { $year } vous sont attribuées pour vérification
}
coding-filter-question = Question
coding-filter-section = Section
coding-filter-coder = Codée par
coding-filter-state = État
coding-filter-any = Toutes
coding-filter-apply = Afficher
coding-state-todo = Pas encore codée par vous
coding-state-done = Codée par vous
coding-none-kept = Aucune réponse ne correspond à ces filtres.

## Approuver une ville avec le répertoire géographique, et la bienvenue
applications-place = { $name } ({ $country }, { $region }) · { $population } habitants · { $lat }, { $lon }
applications-places = Lieux de ce nom dans le répertoire géographique
applications-places-source = Coordonnées et population de GeoNames (CC BY 4.0), cité comme source de la ville.
applications-approve-as = Approuver comme le lieu choisi
applications-or-typed = Ou, pour un lieu absent du répertoire, saisissez sa position :
applications-no-place = Le répertoire n'a aucun lieu de ce nom dans ce pays : saisissez sa position.
welcome-mail-subject = Bienvenue dans la Communauté de pratique des villes numériques de CGLU : { $city }
welcome-mail-body = Bonjour { $name },

    { $city } est désormais membre de la Communauté de pratique des villes numériques de CGLU.

    Ce qu'apporte l'adhésion :
    - L'étude Villes intelligentes : à chaque édition, votre ville répond à un questionnaire sur les six axes (économie, citoyenneté, gouvernance, mobilité, environnement et qualité de vie), en ligne ou hors ligne, en espagnol, en anglais ou en français, et peut en confier des sections à des collègues.
    - Les bonnes pratiques de votre ville dans le catalogue public, où d'autres villes les trouvent par thème et par objectif de développement durable.
    - Le rapport de l'étude, les fiches de ville et les données ouvertes, qui décrivent la situation des villes en proportions et en profils, jamais en classement.
    - Les événements du réseau avec les organisations partenaires.

    Et ensuite :
    1. À l'ouverture de la prochaine édition, vous recevrez une invitation avec un lien personnel pour répondre au nom de votre ville.
    2. Une fois par an, le secrétariat demande à chaque membre de confirmer ses contacts.
    3. La page de votre ville sur la plateforme : { $link }

    Le secrétariat
declined-mail-subject = Votre candidature d’adhésion : { $city }
declined-mail-body = Nous ne pouvons pas accepter pour le moment la candidature d’adhésion de { $city } à la communauté. Le secrétariat en donne la raison suivante :

    { $reason }
remind-preview-heading = Relancer les villes avant l'envoi
remind-preview-intro = Ces villes peuvent encore répondre. Les villes silencieuses (aucune réponse encore) sont cochées ; cochez ou décochez celles que vous voulez, puis envoyez. Chaque personne reçoit son propre lien.
remind-preview-cities = Villes à relancer
remind-preview-send = Envoyer les rappels
remind-preview-nobody = Toutes les villes invitées ont envoyé leurs réponses : personne à relancer.

## Une nouvelle édition créée sur le web
new-edition-heading = Nouvelle édition
new-edition-intro = Une nouvelle édition commence en préparation comme copie d'une édition précédente : ses axes (et leur correspondance avec les six axes de l'étude), ses questions et son questionnaire. Chaque question copiée renvoie à celle dont elle est la copie, pour que les tendances la suivent. Modifiez le questionnaire ensuite.
new-edition-refused = L'édition n'a pas été créée :
new-edition-copy-from = Copier le cadre et le questionnaire de
new-edition-year = Année
new-edition-focus-holistic = Les six axes
new-edition-title-es = Titre en espagnol
new-edition-title-en = Titre en anglais
new-edition-title-fr = Titre en français
new-edition-call = Appel à participation (facultatif)
new-edition-deadline = Date limite de remise des questionnaires (facultatif)
new-edition-create = Créer l'édition
new-edition-year-invalid = Année : indiquez une année à quatre chiffres, comme 2027.
new-edition-year-taken = Année : une édition { $year } existe déjà.
new-edition-copy-unknown = Copie : choisissez une édition à copier.
new-edition-focus-invalid = Axe : choisissez les six axes ou l'un d'eux.
new-edition-title-missing = Titre en { $language } : il manque.
new-edition-title-invalid = Titre en { $language } : au plus { $max } caractères, sans caractère de contrôle.
new-edition-date-invalid = Dates : écrivez-les sous la forme AAAA-MM-JJ.
new-edition-deadline-before-call = Dates : la date limite doit suivre l'appel à participation.
new-edition-copied-note = copié de l'édition de
remind-preview-failing = Le courriel à cette adresse échoue
editor-kind-integer = Nombre entier
editor-kind-decimal = Nombre décimal
editor-kind-text = Texte
editor-kind-date = Date
editor-kind-file = Fichier (document)
editor-kind-image = Photo
editor-kind-yes-no = Oui ou non
editor-kind-scale = Échelle ({ $list })
editor-kind-one-of = Un choix dans une liste ({ $list })
editor-kind-several-of = Plusieurs choix dans une liste ({ $list })

## Campaign mail: texts per language, scheduled reminders, prospects
campaign-mail-invitation-subject = Étude des villes intelligentes — { $city } est invitée à répondre à « { $edition } »
campaign-mail-invitation-intro = Votre ville, { $city }, est invitée à répondre au questionnaire de « { $edition } ». Les réponses sont reçues jusqu'au { $deadline }.
campaign-mail-invitation-action = Ouvrez ce lien pour choisir votre mot de passe et commencer :
campaign-mail-reminder-subject = Étude des villes intelligentes — rappel : { $city }
campaign-mail-reminder-intro = Les réponses de { $city } à « { $edition } » ne sont pas encore envoyées. Les réponses sont reçues jusqu'au { $deadline }.
campaign-mail-reminder-action = Vous pouvez reprendre là où vous en étiez :
campaign-mail-no-deadline = la date limite que le secrétariat annoncera
campaign-mail-other-languages = Le même lien dans une autre langue :
campaign-collection-closed-subject = Étude des villes intelligentes — réponses closes : « { $edition } »
campaign-collection-closed-body = « { $edition } » ne reçoit plus de réponses : le secrétariat a fermé le questionnaire. Les réponses enregistrées sont conservées.
campaign-collection-deadline-subject = Étude des villes intelligentes — date limite pour { $city }
campaign-collection-deadline-body = « { $edition } » reçoit les réponses de { $city } jusqu'au { $deadline } (inclus).
campaign-texts-link = Textes des courriels et rappels programmés
campaign-texts-heading = Courriels de la campagne
campaign-texts-intro = Chaque personne reçoit l'invitation et les rappels dans sa langue — celle qu'elle a choisie, sinon la langue de l'étude de son pays — avec le même lien proposé dans les deux autres langues.
campaign-texts-placeholders = Repères : { "{city}" } le nom de la ville, { "{edition}" } le titre de l'édition, { "{deadline}" } le dernier jour de la ville, { "{link}" } le lien propre à la personne, que tout texte doit garder.
campaign-texts-invitation = Invitation
campaign-texts-reminder = Rappel
campaign-text-subject = objet
campaign-text-body = texte
campaign-texts-built-in = Texte intégré
campaign-texts-written = Écrit par { $by } le { $date }
campaign-texts-save = Enregistrer ce texte
campaign-texts-reset = Reprendre le texte intégré
campaign-texts-saved = Le texte est enregistré.
campaign-text-subject-missing = Le courriel a besoin d'un objet.
campaign-text-too-long = Trop long ({ $field }) : { $max } caractères au plus.
campaign-text-link-missing = Le texte doit garder { "{link}" } : sans lui, la personne n'a pas d'accès.
campaign-text-unknown-placeholder = { $placeholder } n'est pas un repère que le courriel sait remplir : utilisez { "{city}" }, { "{edition}" }, { "{deadline}" } ou { "{link}" }.
campaign-schedule-heading = Rappels programmés
campaign-schedule-intro = Un rappel programmé part à 08:00 UTC, tant de jours avant la date limite, vers chaque ville qui n'a pas envoyé ses réponses — une seule fois, quel que soit le serveur qui l'envoie. Déplacer la date limite déplace les rappels à venir ; fermer le questionnaire les arrête.
campaign-schedule-days = Jours avant la date limite
campaign-schedule-hint = Par exemple 30, 14, 3. Laissez vide pour les arrêter.
campaign-schedule-save = Programmer les rappels
campaign-schedule-none = Aucun rappel n'est programmé.
campaign-schedule-due = { $days ->
    [one] { $days } jour avant la date limite : { $date }
   *[other] { $days } jours avant la date limite : { $date }
}
campaign-schedule-sent = envoyé
campaign-schedule-pending = à venir
campaign-schedule-saved = Les rappels sont programmés.
campaign-schedule-no-deadline = Les rappels se programment avant la date limite, et cette édition n'en a pas encore : ouvrez-la aux réponses avec une date limite d'abord.
campaign-schedule-bad-days = « { $typed } » n'est pas un nombre de jours de 1 à 365 (six rappels au plus).
campaign-mail-in = courriel en { $language }
prospect-link = Inviter des villes au-delà des membres
prospect-heading = Inviter des villes au-delà des membres
prospect-intro = L'étude recherche la participation la plus large : invitez une ville du registre qui n'est pas membre, ou une nouvelle ville trouvée par son nom parmi les lieux de GeoNames de plus de 15 000 habitants. La ville répond comme une membre et compte dans la participation de l'édition.
prospect-registry = Une ville du registre
prospect-registry-none = Toutes les villes du registre sont membres ou déjà invitées.
prospect-city = Ville
prospect-search = Une nouvelle ville, trouvée par son nom
prospect-search-name = Nom de la ville
prospect-search-button = Rechercher
prospect-place = Lieu
prospect-places-none = Aucun lieu de ce nom parmi les lieux de GeoNames de plus de 15 000 habitants.
prospect-place-line = { $name }, { $country } — { $population } habitants
prospect-contact = La personne qui répondra
prospect-contact-name = Nom
prospect-contact-email = Adresse électronique
prospect-contact-lang = Langue de son courriel
prospect-invite = Inviter cette ville
prospect-invited = { $city } est invitée : la personne qui répondra a reçu un courriel.
prospect-name-missing = Indiquez le nom de la personne qui répondra (200 caractères au plus).
prospect-address-invalid = Ce n'est pas une adresse électronique.
prospect-address-taken = Cette adresse répond déjà pour une autre ville ou appartient au personnel.
prospect-already-invited = { $city } est déjà invitée à cette édition.
editor-preview = Telle que la verront les répondants
editor-preview-intro = La question dans chaque langue telle que la lit la personne qui répond pour une ville ; une langue sans texte propre en montre une autre, signalée. Le libellé et l'aide suivent ce que vous tapez ; le reste suit chaque enregistrement.
me-mail-language = Les courriels de l'étude
me-mail-language-label = Langue des courriels que vous recevez
me-mail-language-save = Enregistrer
me-mail-language-saved = Vos courriels seront écrits dans cette langue.
publication-sheet-mail-subject = Étude des villes intelligentes — { $city } : les résultats de « { $edition } »
publication-sheet-mail-body = Les résultats de « { $edition } » sont publiés. La fiche de { $city }, sur le web et en PDF :
publication-sheet-mail-other-languages = La fiche dans une autre langue :
review-mail-returned-subject = Étude des villes intelligentes — { $city } : réponses renvoyées avec des commentaires
review-mail-returned-body = Le secrétariat a renvoyé les réponses de { $city } à « { $edition } » avec des commentaires. Consultez-les, corrigez ce qui doit l'être et envoyez-les de nouveau :
review-mail-accepted-subject = Étude des villes intelligentes — { $city } : réponses acceptées
review-mail-accepted-body = Le secrétariat a accepté les réponses de { $city } à « { $edition } » : elles feront partie de l'analyse. Merci.
figures-refused = { $count ->
    [one] Rien n'a été importé : le fichier a { $count } problème.
   *[other] Rien n'a été importé : le fichier a { $count } problèmes.
}
figures-more-problems = { $count ->
    [one] …et { $count } autre problème.
   *[other] …et { $count } autres problèmes.
}
figure-problem-at = Ligne { $line }, colonne { $column } ({ $name }) : { $what }
figure-problem-at-line = Ligne { $line } : { $what }
figure-problem-unknown-column = « { $name } » n'est pas une colonne d'un fichier de chiffres.
figure-problem-missing-column = la colonne « { $name } » manque.
figure-problem-duplicate = ce code apparaît déjà à la ligne { $first }.
figure-problem-not-csv = ce n'est pas un fichier CSV.
figure-problem-empty = cette cellule ne peut pas être vide.
figure-problem-bad-code = un code s'écrit en minuscules, chiffres et « _ » (60 au plus).
figure-problem-bad-axis = ce n'est pas l'un des six axes (economy, citizenship, governance, mobility, environment, quality_of_life).
figure-problem-bad-language = la langue d'origine est es, en ou fr.
figure-problem-original-label-missing = le libellé dans la langue d'origine est vide.
figure-problem-bad-kind = le type est share, count ou value.
figure-problem-bad-number = ce n'est pas un nombre (écrivez les décimales avec un point).
figure-problem-share-out-of-range = une part est un pourcentage de 0 à 100.
figure-problem-not-a-count = un effectif est un nombre entier.
figure-problem-unit-missing = une valeur a besoin de son unité.
figure-problem-bad-whole = un nombre entier à partir de 1 est attendu.
figure-problem-bad-flag = yes ou no est attendu.
figure-problem-too-long = la cellule est trop longue (500 caractères au plus).
figure-problem-too-many = le fichier a trop de lignes (2 000 chiffres au plus).
figures-not-text = Le fichier n'est pas du texte : enregistrez-le en CSV UTF-8.
history-too-large = Le fichier est trop grand : { $size } au plus.
history-not-pdf = Un rapport se joint en fichier PDF.
history-heading = Tel que publié dans le rapport
history-intro = Chiffres que le rapport de l'édition a publiés, chacun avec sa page. Ils reposent sur les villes qui ont répondu à cette édition, qui changent d'une édition à l'autre.
history-source = Tel que publié dans { $document }
history-source-page = Tel que publié dans { $document }, p. { $page }
history-base = { $cities ->
    [one] base : { $cities } ville répondante
   *[other] base : { $cities } villes répondantes
}
history-other-figures = Autres chiffres
history-illustrative = illustratif
history-reports = Le rapport
history-manage = Les chiffres publiés et le rapport de l'édition
history-import-heading = Importer des chiffres depuis un fichier CSV
history-import-intro = Un chiffre par ligne. Une part est un pourcentage de 0 à 100 tel que le rapport l'imprime ; une valeur a besoin de son unité. Un code déjà importé est corrigé et ce qu'il disait avant est conservé. Un fichier avec un problème est refusé en entier, chaque problème signalé par ligne et colonne.
history-figures-file = Fichier de chiffres (CSV, UTF-8)
history-at-most = { $size } au plus.
history-import = Importer les chiffres
history-imported = Chiffres importés — nouveaux : { $new } · corrigés : { $corrected } · inchangés : { $same }.
history-report-heading = Joindre un rapport
history-report-file = Rapport (PDF)
history-attach = Joindre le rapport
history-report-attached = Le rapport { $name } est joint.
history-question = Correspond à la question
history-corrected = { $count ->
    [one] corrigé { $count } fois
   *[other] corrigé { $count } fois
}
history-none = Aucun chiffre n'a encore été importé pour cette édition.
history-source-link = la source
history-trends-heading = Chiffres publiés par les rapports précédents sur les mêmes questions
history-trends-caution = Chaque chiffre repose sur les villes qui ont répondu à sa propre édition, et les villes changent d'une édition à l'autre : les deux chiffres sont placés côte à côte, non comme une évolution mesurée sur les mêmes villes.
history-one-heading = Ajouter ou corriger un chiffre
history-one-intro = Un code déjà enregistré est corrigé et ce qu'il disait avant est conservé.
history-field-code = Code (minuscules, chiffres et « _ »)
history-field-original = Langue dans laquelle il est écrit
history-field-label = Ce qu'il mesure
history-field-axis = Axe
history-field-kind = Type
history-kind-share = Part des villes (%)
history-kind-count = Effectif
history-kind-value = Valeur avec unité
history-field-value = Nombre, tel que le rapport le donne (décimales avec un point)
history-field-unit = Unité (pour une valeur)
history-field-base = Villes répondantes sur lesquelles il repose
history-field-question = Question d'une édition ultérieure à laquelle il correspond (code)
history-field-document = Publié dans (titre ou adresse du rapport)
history-field-page = Page
history-save-figure = Enregistrer le chiffre
figure-problem-field = { $name } : { $what }
pub-data-past-figures = Chiffres publiés par les rapports des éditions précédentes, chacun avec sa source et sa page, les villes répondantes sur lesquelles il repose et s'il est illustratif. Ils reposent sur d'autres ensembles de villes que ceux de cette édition.
history-illustrative-source = Inventé pour la démonstration : aucun rapport n'a publié ce chiffre.
