site-title = Smart Cities Study
site-tagline = Comunidad de Práctica de Ciudades Digitales de CGLU
skip-to-content = Saltar al contenido
nav-label = Principal
nav-home = Inicio
nav-editions = Ediciones
nav-members = Miembros
language-switcher = Idioma
demo-banner = Datos de demostración. Los nombres, la población y las coordenadas de las ciudades son reales (GeoNames); las membresías y los puntos focales son ilustrativos.
illustrative = ilustrativo
footer-data = Datos de ciudades: GeoNames (CC BY 4.0). Mapa: Natural Earth vía world-atlas (dominio público / ISC).
footer-not-ranking = El estudio caracteriza a las ciudades; no es un ranking.

home-heading = El Smart Cities Study
home-intro = Cada dos años aproximadamente, las ciudades de la comunidad analizan en qué punto se encuentran en su camino hacia la ciudad inteligente, siempre con el mismo método. Cada edición puede centrarse en un eje.
home-aims-heading = Qué hace cada edición
aim-characterise = Caracterizar la situación actual y las oportunidades de cada ciudad participante, expresadas como porcentajes de ciudades y perfiles.
aim-practices = Identificar buenas prácticas que otras ciudades puedan reutilizar, vinculadas a los Objetivos de Desarrollo Sostenible.
aim-barriers = Identificar los frenos y los elementos facilitadores del desarrollo de la ciudad inteligente.
home-axes-heading = Los seis ejes del estudio
home-editions-heading = Ediciones
home-members-heading = La comunidad
home-members-count = { $cities ->
    [one] Una ciudad miembro
   *[other] { $cities } ciudades miembro
} en { $countries ->
    [one] un país
   *[other] { $countries } países
}, de { $sections } secciones mundiales de CGLU.
home-members-link = Ver los miembros y su mapa
home-partners-heading = Socios de aprendizaje y difusión

editions-heading = Ediciones del estudio
edition-focus = Enfoque
edition-status = Estado
edition-participants = { $count ->
    [one] Una ciudad participante
   *[other] { $count } ciudades participantes
}
edition-timeline = Calendario
edition-framework = Marco
edition-framework-intro = Ejes, sus ámbitos y las preguntas planteadas. Las partes marcadas como «inferido» se propusieron para completar lagunas de las fuentes públicas.
edition-framework-version = Versión { $version } del marco
edition-questions = { $count ->
    [one] una pregunta
   *[other] { $count } preguntas
}
edition-sources = Fuentes
edition-rankings-off = Los resultados se presentan como porcentajes de ciudades y perfiles, no como rankings.
edition-rankings-on = Esta edición publica rankings.
edition-study-axis = Eje del estudio: { $axis }
edition-sdgs = ODS vinculados en este marco

focus-holistic = Los seis ejes
focus-axis = Eje: { $axis }
theme-covid19_smart_resilience = COVID-19 y resiliencia smart
theme-innovation_ecosystems_sdgs = Ecosistemas de innovación y ODS

status-planning = En preparación
status-collecting = Recogiendo respuestas
status-published = Publicada

axis-economy = Economía
axis-citizenship = Ciudadanía
axis-governance = Gobernanza
axis-mobility = Movilidad
axis-environment = Medio ambiente
axis-quality_of_life = Calidad de vida

kind-numeric = Número
kind-yes_no = Sí / no
kind-ordinal = Escala
kind-single_choice = Una opción
kind-multiple_choice = Varias opciones
kind-text = Texto libre
kind-date = Fecha
direction-higher_is_better = más es mejor
direction-lower_is_better = menos es mejor
direction-neutral = descriptivo
provenance-stated = declarado
provenance-inferred = inferido
question-unit = Unidad
question-levels = Niveles
question-options = Opciones
question-sdgs = ODS
question-continues = Continúa { $question }
question-code = Código

members-heading = Ciudades miembro
members-intro = La comunidad renueva periódicamente su lista de miembros. Cada ciudad pertenece a una de las secciones mundiales de CGLU.
members-map-title = Mapa de las ciudades miembro
members-map-description = { $count ->
    [one] Una ciudad miembro representada como un punto en un mapa del mundo.
   *[other] { $count } ciudades miembro representadas como puntos en un mapa del mundo.
} Las mismas ciudades figuran en la tabla siguiente.
members-filter = Filtrar
members-filter-section = Sección mundial
members-filter-all = Todas las secciones
members-filter-apply = Aplicar
members-count = { $count ->
    [0] Ninguna ciudad miembro coincide.
    [one] Una ciudad miembro.
   *[other] { $count } ciudades miembro.
}
col-city = Ciudad
col-country = País
col-section = Sección
col-status = Membresía
col-since = Miembro desde
col-population = Población

member-status-active = Activa
member-status-pending_renewal = Pendiente de renovación
member-status-lapsed = Caducada
member-status-left = Se dio de baja

section-africa = África
section-asia-pacific = Asia-Pacífico
section-eurasia = Eurasia
section-europe = Europa
section-latin-america = América Latina
section-middle-east-west-asia = Oriente Medio y Asia Occidental
section-north-america = América del Norte

city-local-name = Nombre local
city-country = País
city-section = Sección mundial de CGLU
city-metropolis = Miembro de Metropolis
city-population = Población
city-population-source = Fuente
city-coordinates = Coordenadas
city-membership = Membresía
city-not-member = No es miembro de la comunidad.
city-map-title = Ubicación de { $city }
yes = Sí
no = No

not-found-heading = Página no encontrada
not-found-text = No hay nada en esta dirección. Pruebe con las ediciones o la lista de miembros.

sdg-1 = Fin de la pobreza
sdg-2 = Hambre cero
sdg-3 = Salud y bienestar
sdg-4 = Educación de calidad
sdg-5 = Igualdad de género
sdg-6 = Agua limpia y saneamiento
sdg-7 = Energía asequible y no contaminante
sdg-8 = Trabajo decente y crecimiento económico
sdg-9 = Industria, innovación e infraestructura
sdg-10 = Reducción de las desigualdades
sdg-11 = Ciudades y comunidades sostenibles
sdg-12 = Producción y consumo responsables
sdg-13 = Acción por el clima
sdg-14 = Vida submarina
sdg-15 = Vida de ecosistemas terrestres
sdg-16 = Paz, justicia e instituciones sólidas
sdg-17 = Alianzas para lograr los objetivos

sign-in = Iniciar sesión
sign-out = Cerrar sesión
sign-in-help = Las cuentas las crea la secretaría, que envía a cada persona un enlace de un solo uso para elegir su contraseña.
email = Correo electrónico
password = Contraseña
sign-in-expired = El formulario caducó. Inténtelo de nuevo.
sign-in-too-many = Demasiados intentos. Espere un cuarto de hora y vuelva a intentarlo.
sign-in-failed = El correo electrónico o la contraseña no son correctos.
password-too-short = La contraseña necesita al menos { $min } caracteres.
password-mismatch = Las dos contraseñas no coinciden.
invitation-heading = Elija su contraseña
invitation-intro = Bienvenida o bienvenido, { $name }. Elija una contraseña para { $email }; la usará para iniciar sesión a partir de ahora.
invitation-invalid = Este enlace no es válido: ya se usó, caducó o está mal copiado. Pida uno nuevo a la secretaría.
password-new = Nueva contraseña (al menos { $min } caracteres)
password-again = Repita la contraseña
set-password = Guardar la contraseña e iniciar sesión
me-editions = Ediciones
me-your-response = su respuesta
me-answer = Responder al cuestionario
me-campaign = Seguir la campaña
me-nothing-open = Ninguna edición está abierta a respuestas en este momento.
role-secretariat = Secretaría
role-analyst = Analista
role-respondent = Persona que responde por una ciudad
response-invited = sin empezar
response-in_progress = en curso
response-submitted = enviada
response-returned = devuelta para cambios
response-accepted = aceptada
nav-me = Mi página
response-status = Estado
response-last-change = último cambio: { $when }
questionnaire-sections = Partes del cuestionario
progress-label = { $answered } de { $total } respondidas
review-heading = Revisar y enviar
offline-heading = Trabajar sin conexión
offline-intro = Descargue el cuestionario como hoja de cálculo, rellénelo y súbalo aquí. Sus respuestas actuales ya están en él.
offline-download = Descargar el libro
print-link = Versión imprimible
history-link = Cambios en las respuestas
offline-upload = Libro rellenado
offline-upload-button = Subir
upload-saved = { $count ->
    [one] Se leyó el libro: cambió una respuesta.
   *[other] Se leyó el libro: cambiaron { $count } respuestas.
}
carry-over-heading = Partir de sus respuestas de { $year }
carry-over-intro = { $count ->
    [one] Una pregunta de { $year } se hace igual esta vez y aún no tiene respuesta: puede copiar aquí su respuesta, para revisarla y cambiarla. No se reemplaza nada de lo que ya respondió.
   *[other] { $count } preguntas de { $year } se hacen igual esta vez y aún no tienen respuesta: puede copiar aquí sus respuestas, para revisarlas y cambiarlas. No se reemplaza nada de lo que ya respondió.
}
carry-over-button = { $count ->
    [one] Copiar esta respuesta
   *[other] Copiar estas { $count } respuestas
}
carry-over-done = { $count ->
    [one] Se copió una respuesta de { $year }: revísela antes de enviar.
   *[other] Se copiaron { $count } respuestas de { $year }: revíselas antes de enviar.
}
required = obligatoria
no-answer = Sin respuesta
evidence = Evidencia
evidence-self_reported = autodeclarada
evidence-reviewed = revisada
evidence-verified = verificada
answer-file-given = Se entregó un archivo
file-upload = Subir
file-replace = Reemplazar
file-remove = Quitar el archivo
file-hint-image = Una imagen PNG o JPEG de hasta 10 MB; se guarda sin sus metadatos (lugar, cámara).
file-hint-document = Un PDF, una imagen (PNG, JPEG) o un documento de oficina, de hasta 10 MB.
answer-note = Añadir una nota
answer-note-label = Su nota sobre esta respuesta, para la secretaría (nunca se publica)
answer-note-by-city = Nota de la ciudad
answer-notes-unanswered = Notas sobre preguntas sin respuesta
reviewer-comment = Secretaría
saved = Guardado.
conflict-intro = Otra persona cambió algunas respuestas después de que abriera esta página. No se guardó nada. Revíselas y vuelva a guardar.
conflict-line = { $question }: ahora «{ $theirs }» (por { $who }); la suya era «{ $yours }».
entry = Entrada { $number }
remove-entry = Eliminar esta entrada
new-entry = Añadir una entrada
skip-logic-note = Algunas preguntas aparecen solo tras ciertas respuestas; guarde para verlas.
save = Guardar
previous = Anterior
next = Siguiente
autosave-saving = Guardando…
autosave-saved = Guardado a las
autosave-offline = No guardado: sin conexión. Sus respuestas siguen en esta página y se guardarán con el próximo cambio.
review-comments = Comentarios de la secretaría
review-issues = { $count ->
    [one] Una respuesta necesita atención antes de enviar
   *[other] { $count } respuestas necesitan atención antes de enviar
}
review-complete = No falta nada y todo es válido.
submit = Enviar el cuestionario
decision-heading = Decisión
col-question = Pregunta
col-answer = Respuesta
col-comment = Comentario
accept = Aceptar
return = Devolver con comentarios
review-answers = Respuestas
print-button = Imprimir
history-all = todas las preguntas
col-when = Cuándo
col-who = Quién
col-old = Antes
col-new = Después
campaign-heading = Campaña
campaign-participation = Participación
campaign-invited = Invitadas
campaign-started = Iniciadas
campaign-submitted = Enviadas
campaign-accepted = Aceptadas
campaign-cities = Ciudades
campaign-progress = Progreso
campaign-deadline = Plazo
campaign-actions = Acciones
campaign-open = Abrir a las respuestas
campaign-move-deadline = Cambiar el plazo
campaign-invite = Invitar a las ciudades miembro
campaign-remind = Recordar a las ciudades que no han enviado
campaign-invited-notice = { $cities ->
        [one] { $cities } ciudad invitada
       *[other] { $cities } ciudades invitadas
    }; { $mails ->
        [one] { $mails } mensaje en cola.
       *[other] { $mails } mensajes en cola.
    }
campaign-reminded-notice = { $cities ->
        [one] { $cities } ciudad con recordatorio
       *[other] { $cities } ciudades con recordatorio
    }; { $mails ->
        [one] { $mails } mensaje en cola.
       *[other] { $mails } mensajes en cola.
    }
campaign-mail = Correo
campaign-mail-counts = { $pending } en espera, { $sent ->
        [one] { $sent } enviado
       *[other] { $sent } enviados
    }, { $failed ->
        [one] { $failed } abandonado.
       *[other] { $failed } abandonados.
    }
campaign-mail-problems = Mensajes cuyo último envío falló
campaign-mail-recipient = Destinatario
campaign-mail-attempts = Intentos
campaign-mail-next = Próximo intento
campaign-mail-error = Error
campaign-mail-given-up = abandonado
campaign-all = Todas las ciudades
forbidden = No puede ver esta página con su cuenta.
forbidden-heading = No disponible con su cuenta
sign-in-needed = Inicie sesión para ver esta página.
refused-heading = No se ha podido hacer
go-back = Volver al formulario
form-expired = El formulario caducó. Recargue la página e inténtelo de nuevo.
form-unreadable = No se pudo leer el formulario. Vuelva a cargar la página e inténtelo de nuevo.
response-closed = Esta respuesta ya se envió y no puede cambiarse.
submit-incomplete = Faltan respuestas o hay respuestas no válidas; vea la página de revisión.
return-needs-comment = Escriba al menos un comentario para devolver la respuesta.
upload-missing = Elija un archivo para subir.
upload-refused = El libro no se guardó:
upload-conflict = El libro no se guardó porque estas respuestas cambiaron desde que se descargó; descárguelo de nuevo:

workshop-heading = Grupos focales
workshop-intro = Talleres participativos de la edición, uno por idioma, y sus resultados, vinculados a los ejes y a los ODS.
workshop-none = Aún no se ha registrado ningún taller.
workshop-held = { $date } · en { $language } · { $count ->
    [one] una ciudad
   *[other] { $count } ciudades
  }
workshop-dynamics = Dinámica
workshop-participants = Ciudades participantes
workshop-outputs = Resultados
workshop-totals = Resultados de todos los talleres
workshop-kind-practice = Buena práctica
workshop-kind-barrier = Barrera
workshop-kind-enabler = Facilitador
workshop-kind-trend = Tendencia
workshop-axis = Eje
workshop-kind = Tipo
workshop-sdgs = Metas ODS
workshop-note = Nota
workshop-edit = Corregir este registro
workshop-record = Registrar un taller
workshop-record-intro = Para corregir un taller, siga «Corregir este registro» bajo él; un taller nuevo necesita un identificador propio. Las filas sin tipo se omiten.
workshop-id = Identificador
workshop-id-rule = letras minúsculas, cifras y guiones, p. ej. 2025-es
workshop-held-on = Fecha
workshop-language = Idioma
workshop-output-row = Resultado { $row }
workshop-note-needed = la nota está vacía
workshop-save = Guardar el taller
language-en = inglés
language-es = español
language-fr = francés

me-questionnaire = Cuestionario
editor-heading = Cuestionario
editor-version = versión { $version }
editor-xlsform = Descargar como XLSForm
editor-saved = Guardado como versión { $version }.
editor-not-saved = No se ha guardado nada:
editor-repeat = se responde tantas veces como haga falta
editor-name = Nombre
editor-type = Tipo
editor-label = Etiqueta
editor-hint = Ayuda
editor-constraint_message = Mensaje cuando no se cumple la restricción
editor-non-answers = Además de una respuesta, quien responde puede dar
editor-non-answers-inherit = Lo que dice el cuestionario ({ $offered })
editor-non-answers-both = No sabe o no aplica
editor-non-answers-neither = Ninguna
editor-required = Obligatoria
editor-relevant = Se muestra si
editor-constraint = Restricción
editor-default = Valor por defecto
editor-group = Grupo
editor-add = Añadir una pregunta
editor-add-button = Añadir la pregunta
editor-answers = { $count ->
    [0] aún sin respuestas
    [one] una respuesta
   *[other] { $count } respuestas
  }
editor-choices = Opciones
editor-rename-note = Al renombrar se conservan las respuestas: pasan al nuevo nombre.
editor-expressions = Las condiciones usan expresiones XLSForm: ${"{"}nombre{"}"} para otra respuesta, . para esta; operadores y funciones:
editor-save = Guardar
editor-delete = Eliminar la pregunta
editor-label-needed = hace falta una etiqueta en { $language }
editor-delete-answered = Esta pregunta tiene { $count ->
        [one] { $count } respuesta
       *[other] { $count } respuestas
    } y no puede eliminarse; hágala opcional u ocúltela con una condición.
editor-delete-referenced = Otras preguntas hacen referencia a esta:

results-heading = Resultados
results-none = Esta edición aún no se ha analizado en esta plataforma.
results-answering = { $answering } de { $invited ->
        [one] { $invited } ciudad invitada
       *[other] { $invited } ciudades invitadas
    } { $answering ->
        [one] responde
       *[other] responden
    } (respuestas aceptadas).
results-provenance = Calculado el { $at } con el método { $method }. La huella de los datos de entrada identifica exactamente las respuestas analizadas: las mismas respuestas dan la misma huella.
results-not-ranking = Los resultados son porcentajes de las ciudades que respondieron, con intervalos del 95 %; no se clasifica a las ciudades.
results-published = Estas son las cifras en curso, que cambian a medida que se aceptan respuestas. El informe publicado es la versión { $version } del { $date }:
results-published-site = su sitio
results-published-report = el informe (PDF)
results-question = Pregunta
results-finding = Resultado
results-answered = Respondieron
results-yes-share = { $share } responde sí
results-median-level = Nivel mediano: { $level }
results-median = Mediana: { $value }
results-dates = Del { $earliest } al { $latest }
results-dates-count = { $count ->
        [one] { $count } fecha indicada
       *[other] { $count } fechas indicadas
    }
results-text-answers = { $count ->
        [one] { $count } respuesta escrita
       *[other] { $count } respuestas escritas
    }
results-sdg-heading = Ejes y ODS
results-sdg-intro = Buenas prácticas, respuestas positivas a preguntas vinculadas a un ODS y resultados de los grupos focales, por eje y ODS; se destaca el ODS más citado de cada eje.
results-sdg-cell = { $practices ->
        [one] { $practices } práctica
       *[other] { $practices } prácticas
    }, { $answers ->
        [one] { $answers } respuesta
       *[other] { $answers } respuestas
    }, { $workshops ->
        [one] { $workshops } resultado de talleres
       *[other] { $workshops } resultados de talleres
    }
results-axis = Eje
results-most-cited = Más citado
results-sdg = ODS
results-linking = Ciudades que vinculan al menos una de sus prácticas a cada ODS
results-cities = Ciudades
results-share = Porcentaje
results-interval = Intervalo del 95 %
results-barriers-heading = Barreras y facilitadores más citados
results-category = Categoría
results-type = Tipo
results-importance = Importancia media (1–5)
results-trends-heading = Tendencias
results-then = Antes
results-now = Ahora
results-paired-heading = Ciudades en ambas ediciones
results-paired = { $cities ->
        [one] { $cities } ciudad en ambas
       *[other] { $cities } ciudades en ambas
    }, { $unchanged } sin cambios
results-no-trends = Ninguna pregunta de esta edición tiene aún respuestas en una edición anterior.
results-question-answering = { $answering ->
        [one] { $answering } ciudad respondió a esta pregunta
       *[other] { $answering } ciudades respondieron a esta pregunta
    }, de { $responding ->
        [one] { $responding } respuesta aceptada
       *[other] { $responding } respuestas aceptadas
    } y { $invited ->
        [one] { $invited } ciudad invitada.
       *[other] { $invited } ciudades invitadas.
    }
non-answers-beside = No se cuentan: { $dont_know } «no sabe», { $not_applicable } «no aplica».
results-chart-caption = Porcentaje de las ciudades que respondieron, con su intervalo del 95 % (Wilson). Con menos de 5 ciudades solo se muestra el número.
results-all-cities = Todas las ciudades
results-answer = Respuesta
results-value = Valor
results-per-100k = Por 100 000 habitantes
results-breakdowns = Por sección, tamaño y pertenencia a Metropolis
results-small-cells = Las celdas de menos de 5 ciudades solo muestran el número.
results-dimension-section = Sección de CGLU
results-dimension-population = Población
results-dimension-metropolis = Pertenencia a Metropolis
results-group-under_250k = Menos de 250 000
results-group-250k_1m = De 250 000 a 1 millón
results-group-1m_5m = De 1 a 5 millones
results-group-over_5m = Más de 5 millones
results-group-metropolis = Miembros de Metropolis
results-group-not_metropolis = No miembros de Metropolis
results-stat-n = Ciudades
results-stat-min = Mínimo
results-stat-q1 = Primer cuartil
results-stat-median = Mediana
results-stat-q3 = Tercer cuartil
results-stat-max = Máximo
results-stat-mean = Media
results-link = Resultados

profile-heading = En el estudio { $year }
profile-intro = Cada respuesta junto al porcentaje de ciudades que dan la misma: todas las ciudades, las de su sección de CGLU y las de su tamaño. Un perfil, no una clasificación.
profile-answer = { $city }
profile-all = Todas las ciudades
profile-section = Su sección
profile-band = Su tamaño
profile-peers = Ciudades similares
profile-peers-intro = Las más cercanas en tamaño, sección y perfil de respuestas (distancia de Gower entre paréntesis, 0 = iguales): ciudades de las que aprender.

coding-heading = Codificación del texto libre
coding-no-codebook = Esta edición aún no tiene libro de códigos: impórtelo con `smartcities codebook --edition AÑO ARCHIVO.toml`.
coding-nothing = Ninguna respuesta aceptada tiene aún texto libre que codificar.
coding-progress = Ha codificado { $coded } de { $total ->
        [one] { $total } respuesta de texto libre.
       *[other] { $total } respuestas de texto libre.
    }
coding-answer = Respuesta { $index } de { $total }
coding-already = ya la codificó; al guardar se sustituyen sus códigos
coding-suggested = sugerido
coding-save = Guardar y pasar a la siguiente
coding-previous = Anterior
coding-next = Siguiente
coding-frequencies = Frecuencia de los códigos
coding-items = Respuestas
coding-agreement = Acuerdo entre codificadores
coding-agreement-intro = Kappa de Cohen por categoría entre { $first } y { $second }, sobre las respuestas que ambos codificaron (1 = acuerdo perfecto, 0 = no mejor que el azar).
coding-shared = Respuestas codificadas por ambos
coding-both = Código de ambos
coding-unknown-code = El libro de códigos no tiene la categoría { $code }.
coding-group-barrier = Barreras
coding-group-enabler = Facilitadores
coding-group-trend = Tendencias
coding-group-technology = Tecnologías
coding-link = Codificación del texto libre

response-withdrawn = retirada
withdraw = Registrar que la ciudad se retiró
withdraw-intro = Si la ciudad se retira de la edición, sus respuestas se conservan pero quedan fuera del análisis.
profile-levels = Niveles de { $city } por eje (0–100)
profile-levels-heading = Nivel por eje
profile-level = Nivel (0–100)
results-coded-heading = En el texto libre: categorías codificadas con más frecuencia
coding-passage = fragmento (opcional)
coding-passage-help = Marque cada categoría que corresponda; para vincular una categoría a una parte de la respuesta, copie ese fragmento a su lado.
coding-passage-not-found = El fragmento indicado para { $category } no está en la respuesta: «{ $passage }».
results-by-axis = Más citados por eje (ciudades)
results-by-section = Más citados por sección de CGLU (ciudades)
results-index-heading = Índice compuesto (perfiles ilustrativos)
results-index-intervals = Intervalos: del percentil 5 al 95 de la puntuación en { $runs ->
        [one] { $runs } repetición
       *[other] { $runs } repeticiones
    } que varían { $varied }.
results-index-no-ranks = Las ciudades se listan por nombre: esta edición no las clasifica.
results-index-city = Ciudad
results-index-score = Puntuación (0–100)
results-index-interval = Intervalo del 90 %
results-index-rank = Posición (5–95 %)
results-index-audit = Coherencia de las preguntas de cada eje
results-index-alpha = Alfa de Cronbach
results-index-pc1 = Varianza del primer componente
results-index-negative = En sentido contrario a su eje
results-index-varied-imputation = el tratamiento de las respuestas que faltan
results-index-varied-weights_level_1 = los pesos de las preguntas
results-index-varied-weights_level_2 = los pesos de los ejes
profile-index-overall = Global

## Refusals of the application's use cases
password-too-long = La contraseña puede tener como máximo { $max } caracteres.
password-control = La contraseña no puede contener caracteres de control.
password-common = Esta contraseña es demasiado fácil de adivinar: es una contraseña común o está hecha con su nombre, dirección o ciudad. Elija otra.
password-repetitive = Esta contraseña es demasiado fácil de adivinar: se repite o sigue una secuencia. Elija otra.
refused-not-found = Esto no existe o no es visible con su cuenta.
refused-public-url = No se pueden enviar enlaces por correo: el servidor se inició sin su dirección pública (--public-url).
refused-link = Este enlace ya no es válido: se usó, se sustituyó por otro más reciente o caducó. Pida uno nuevo.
refused-edition-not-open = La edición { $edition } no admite respuestas ahora (está: { $status }).
refused-not-invited = Esta ciudad no fue invitada a esta edición.
refused-response-closed = Esta respuesta está { $status } y ya no se puede modificar.
refused-illegal-move = Una respuesta que está { $status } no puede ser { $move }.
move-answer = respondida
move-correct = corregida
move-submit = enviada
move-return = devuelta
move-accept = aceptada
move-withdraw = retirada
refused-unknown-axis = El marco no tiene ningún eje { $axis }.
refused-unknown-city = El registro no tiene ninguna ciudad { $city }.
refused-restore-over-data = La base de datos contiene { $rows ->
        [one] { $rows } fila; restaurar la reemplaza.
       *[other] { $rows } filas; restaurar las reemplaza todas.
    } Añada --replace para hacerlo, o restaure en una base de datos vacía.
refused-unknown-question = No hay ninguna pregunta { $code } en este cuestionario.
refused-unknown-group = No hay ninguna parte { $name } en este cuestionario.
refused-unknown-entry = La entrada { $entry } no existe en este cuestionario.
refused-invalid-answers = No se ha guardado nada; corrija:
answers-refused-kept = { $count ->
    [one] Una respuesta no se ha guardado: se conserva abajo tal como la escribió, junto a su problema.
   *[other] { $count } respuestas no se han guardado: se conservan abajo tal como las escribió, cada una junto a su problema.
}
refused-answer-too-long = La respuesta a { $question } supera los { $max } caracteres.
refused-too-many-entries = { $group ->
    [none] Una respuesta puede tener como máximo { $max } entradas.
   *[other] { $group } puede tener como máximo { $max } entradas.
}
refused-questionnaire-changed = El cuestionario cambió desde que lo abrió (versión { $based_on }, ahora { $now }). Vuelva a cargarlo y edítelo de nuevo.
refused-framework-changed = El marco cambió desde que lo abrió (versión { $based_on }, ahora { $now }). Vuelva a cargarlo y edite de nuevo.
refused-bad-statement = El enunciado de { $code } en { $language } es demasiado largo (200 caracteres como máximo) o contiene un salto de línea o un carácter de control.
refused-name-taken = El nombre { $name } ya está en uso; elija otro.
refused-invalid-name = { $name } no es un nombre válido: empiece por una letra o _, seguida de letras, cifras, -, _ o .
refused-verified-note = Una respuesta verificada necesita una nota que diga qué la respalda (un documento o un enlace).
refused-no-answer = No hay respuesta a { $question }.
answer-control-characters = La respuesta contiene caracteres de control; elimínelos.
mail-reset-subject = Smart Cities Study — elija una contraseña nueva
mail-reset-body = Hola, { $name }:

    Alguien (esperamos que usted) pidió elegir una contraseña nueva para su cuenta del Smart Cities Study. Abra este enlace en la próxima hora para hacerlo:

    { $link }

    Si no lo pidió, ignore este mensaje: su contraseña no cambia.

## Password reset and change
password-reset-link = ¿Olvidó su contraseña?
password-reset-heading = Elija una contraseña nueva
password-reset-intro = Indique la dirección de correo de su cuenta; le enviaremos un enlace para elegir una contraseña nueva. El enlace sirve durante una hora.
password-reset-send = Enviar el enlace
password-reset-sent = Si { $email } tiene una cuenta, le llegará un enlace para elegir una contraseña nueva. Revise su buzón.
password-change-link = Cambiar la contraseña
password-change-heading = Cambie su contraseña
password-change-intro = Sus otras sesiones se cerrarán al cambiar la contraseña.
password-current = Contraseña actual
password-change-button = Cambiar la contraseña
refused-nul = El formulario o la dirección contiene un carácter NUL, que el sitio no acepta. Elimínelo y vuelva a intentarlo.

evidence-heading = Evidencia
evidence-intro = Hasta qué punto es fiable cada respuesta. Aceptar una respuesta marca sus respuestas como revisadas; marque una respuesta como verificada cuando la respalde un documento o un enlace, e indique cuál en la nota.
evidence-change = Cambiar
evidence-note = Qué la respalda (documento, enlace)

pages = Páginas
page-of = Página { $page } de { $pages } ({ $total ->
        [one] { $total } cambio
       *[other] { $total } cambios
    })
page-newer = Cambios más recientes
page-older = Cambios anteriores

## Publicación: el sitio estático, los PDF y los datos abiertos de una versión publicada

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
pub-report = Informe
pub-contents = Índice
pub-foreword = Prólogo
pub-methodology = Metodología
pub-findings = Resultados
pub-practices = Buenas prácticas
pub-practices-intro = Prácticas que las ciudades participantes proponen para que otras ciudades las reutilicen, cada una vinculada a los Objetivos de Desarrollo Sostenible a los que contribuye.
pub-barriers-enablers = Barreras y facilitadores
pub-barriers = Barreras
pub-enablers = Facilitadores
pub-sdg-matrix = Ejes y ODS
pub-sdg-intro = Con qué frecuencia las buenas prácticas, las respuestas a preguntas vinculadas a un ODS y las conclusiones de los grupos focales se refieren a cada objetivo, por eje.
pub-conclusions = Conclusiones
pub-cities = Ciudades
pub-cities-intro = Las ciudades cuyas respuestas fueron aceptadas, por nombre. Cada página sitúa las respuestas de la ciudad junto a las de todas las ciudades: un perfil, no una clasificación.
pub-city = Ciudad
pub-country = País
pub-section = Sección mundial de CGLU
pub-population = Población
pub-metropolis = Miembro de Metropolis
pub-yes = Sí
pub-no = No
pub-map = Mapa
pub-map-title = Ciudades participantes
pub-trends = Tendencias
pub-earlier = Edición anterior
pub-then = Entonces
pub-now = Ahora
pub-paired = Ciudades en ambas
pub-question = Pregunta
pub-finding = Resultado
pub-answered = Respondieron
pub-answered-of = { $answering } de { $invited ->
        [one] { $invited } ciudad
       *[other] { $invited } ciudades
    } { $answering ->
        [one] respondió
       *[other] respondieron
    }
pub-non-answers = { $dont_know } «no sabe», { $not_applicable } «no aplica»
pub-option = Respuesta
pub-share = Proporción
pub-interval = Intervalo del 95 %
pub-importance = Importancia media (1–5)
pub-category = Categoría
pub-statistic = Estadístico
pub-value = Valor
pub-axis = Eje
pub-sdgs = ODS
pub-sdg = ODS
pub-downloads = Descargas
pub-report-pdf = Informe completo (PDF)
pub-brief-pdf = Resumen de dos páginas para los consejos políticos (PDF)
pub-slides-pdf = Resultados clave en diapositivas (PDF)
pub-city-pdf = Ficha de la ciudad (PDF)
pub-open-data = Datos abiertos: CSV, XLSX, JSON y Data Package
pub-live-results = Los resultados más recientes en la plataforma, que cambian a medida que se aceptan respuestas
pub-data-title = Datos abiertos
pub-data-intro = Todas las cifras de esta versión como datos que cualquiera puede reutilizar: las tablas en que se basa el informe, un archivo por tabla, las mismas tablas en un solo libro de cálculo y la edición publicada completa en JSON.
pub-data-licence = Licencia:
pub-data-cite = Cite el Smart Cities Study, la edición y la versión.
pub-data-files = Los archivos de esta versión
pub-data-charts = Cada gráfico de estas páginas también se puede descargar en SVG, PNG y CSV desde los enlaces que tiene debajo.
pub-data-package = El Data Package de Frictionless: las columnas, tipos y descripciones de cada tabla, la licencia y las fuentes.
pub-data-workbook = Todas las tablas siguientes como hojas de un solo libro de cálculo.
pub-data-edition = La edición publicada completa (marco, cuestionario, resultados, ciudades) en JSON.
pub-data-answers = Las respuestas aceptadas, una fila por respuesta.
pub-data-findings = Los resultados por pregunta, en conjunto y por sección de CGLU, tamaño de población y pertenencia a Metropolis.
pub-data-practices = Las buenas prácticas publicadas con la edición.
pub-data-barriers-enablers = Las barreras y los facilitadores citados, en conjunto y por eje, con sus proporciones e intervalos.
pub-data-themes = Los temas codificados en las respuestas escritas de las ciudades, con las ciudades que mencionan cada uno.
pub-data-cities = Las ciudades participantes, con su país, sección, población y coordenadas.
pub-data-codebook = Las preguntas y opciones, con sus textos en español, inglés y francés.
pub-key-findings = Resultados clave
pub-filter = Filtrar las prácticas
pub-filter-text = Palabras
pub-filter-all = Todos
pub-filter-shown =
    { $count ->
        [one] práctica mostrada
       *[other] prácticas mostradas
    }
pub-focus-groups = Grupos focales
pub-held-on = Fecha
pub-language = Idioma
pub-dynamics = Dinámica
pub-participants = Ciudades participantes
pub-outputs = Conclusiones
pub-kind = Tipo
pub-note = Nota
pub-its-answer = Su respuesta
pub-all-cities = Todas las ciudades
pub-its-section = Su sección
pub-peers = Ciudades similares
pub-peers-intro = Las más cercanas por tamaño, sección y respuestas: ciudades de las que aprender.
pub-highlights = Dónde destaca
pub-scores = Puntuaciones por eje (0–100)
pub-overall = Global
pub-city-facts = Datos clave
pub-city-answers = Sus respuestas junto a las de todas las ciudades
pub-city-practices = Sus buenas prácticas
pub-no-practices = No se propuso ninguna buena práctica para este eje.
pub-no-cited = Ninguna citada.
pub-not-ranking = El estudio caracteriza a las ciudades: los resultados son proporciones de las ciudades que respondieron, con intervalos del 95 %. Las ciudades no se clasifican.
pub-chart-data = Las cifras del gráfico
pub-chart-download = Descargar este gráfico:
pub-chart-csv = datos (CSV)
pub-breakdowns = Por sección, tamaño y pertenencia a Metropolis
pub-provenance = Procedencia
pub-provenance-intro = Para quien quiera reproducir las cifras: la versión del método de análisis y una huella de los datos con que se hizo esta versión (huellas iguales, datos iguales).
pub-content-hash = Huella del contenido (SHA-256)
pub-method-version = Método de análisis
pub-languages = Idiomas
pub-skip = Ir al contenido
pub-home = Resultados
pub-brief = Resumen
pub-slides = Resultados clave
pub-illustrative-data = Cifras calculadas por la plataforma a partir de las respuestas aceptadas.
pub-version = Versión { $version }, publicada el { $date }
pub-chart-shares = Proporción de las ciudades que respondieron que da cada respuesta a «{ $question }», con intervalos del 95 %.
pub-chart-distribution = Distribución de las respuestas a «{ $question }»: mínimo, cuartiles, mediana y máximo.
pub-axis-overview = { $axis }: proporción de ciudades que responden sí
pub-axis-intro = { $axis }: { $questions ->
    [one] una pregunta
   *[other] { $questions } preguntas
} y { $practices ->
    [0] ninguna buena práctica
    [one] una buena práctica
   *[other] { $practices } buenas prácticas
}.
pub-city-chart = Respuestas de sí o no de { $city } junto a las de todas las ciudades: proporción de las ciudades que responden sí
pub-key-messages = Mensajes clave
pub-asks = Lo que los resultados piden a los consejos políticos
pub-asks-intro = En cada eje, lo que menos ciudades tienen todavía: donde el apoyo de un consejo puede marcar la diferencia.
pub-sdg-legend = Cada celda cuenta las buenas prácticas, respuestas y resultados de grupos focales de un eje vinculados a un Objetivo de Desarrollo Sostenible (1–17); cuanto más oscura la celda, más hay.
pub-chart-source = Fuente: { $study } { $year }, versión { $version }, respuestas de { $answering ->
    [one] una ciudad
   *[other] { $answering } ciudades
}.
pub-barriers-chart = Barreras y facilitadores: proporción de las ciudades que citan cada uno
pub-themes = Lo que escribieron las ciudades
pub-themes-intro = El equipo de análisis codificó las respuestas escritas de las ciudades con el libro de códigos del estudio. Cada tema cuenta las ciudades cuyas respuestas lo mencionan; las respuestas no se citan.
pub-themes-barrier = Barreras que mencionan las ciudades
pub-themes-enabler = Facilitadores que mencionan las ciudades
pub-themes-trend = Tendencias que mencionan las ciudades
pub-themes-technology = Tecnologías que mencionan las ciudades
pub-themes-caption = Ciudades cuyas respuestas escritas mencionan cada tema, de { $answering ->
    [one] la única ciudad participante
   *[other] las { $answering } ciudades participantes
}
pub-theme = Tema
pub-theme-answers = Respuestas escritas
pub-sdg-chart = Ejes y ODS: prácticas, respuestas y conclusiones de grupos focales por objetivo
pub-participation = { $answering ->
        [one] Respondió
       *[other] Respondieron
    } { $answering } de { $invited ->
        [one] la { $invited } ciudad invitada
       *[other] las { $invited } ciudades invitadas
    }, de { $countries ->
        [one] un país
       *[other] { $countries } países
    }.
pub-kf-barrier = La barrera más citada es { $category }, por el { $share } de las ciudades.
pub-kf-enabler = El facilitador más citado es { $category }, por el { $share } de las ciudades.
pub-kf-sdg = El ODS más vinculado a una práctica es el { $goal } ({ $name }), por { $cities ->
        [one] { $cities } ciudad.
       *[other] { $cities } ciudades.
    }
pub-conclusion-close = { $practices ->
        [one] La buena práctica de este informe es la aportación del estudio a la red: otra ciudad puede adaptarla, y la ciudad que la impulsa está dispuesta a compartir lo aprendido.
       *[other] Las { $practices } buenas prácticas de este informe son la aportación del estudio a la red: cada una puede adaptarla otra ciudad, y las ciudades que las impulsan están dispuestas a compartir lo aprendido.
    }
pub-method-collect = El cuestionario se envió a { $invited ->
        [one] { $invited } ciudad
       *[other] { $invited } ciudades
    } en español, inglés y francés; { $answering ->
        [one] { $answering } respondió y la secretaría revisó y aceptó sus respuestas.
       *[other] { $answering } respondieron y la secretaría revisó y aceptó sus respuestas.
    } Constaba de { $questions ->
        [one] { $questions } pregunta agrupada
       *[other] { $questions } preguntas agrupadas
    } por eje.
pub-method-shares = Cada resultado es la proporción de las ciudades que respondieron que da una respuesta, con su intervalo de Wilson del 95 %; cada pregunta cuenta solo las ciudades que la respondieron. Cuando respondieron menos de cinco ciudades, solo se muestra el recuento.
pub-method-breakdowns = Cada pregunta se desglosa también por sección mundial de CGLU, por tramo de población y por pertenencia a Metropolis, con la misma regla para las celdas pequeñas.
pub-method-practices = Las ciudades propusieron { $practices ->
        [one] { $practices } buena práctica
       *[other] { $practices } buenas prácticas
    }, cada una vinculada por la ciudad a los ODS a los que sirve; las barreras y los facilitadores se eligieron de una lista común de categorías y se valoraron por su importancia.
pub-method-workshops = { $workshops ->
    [0] No se celebró ningún grupo focal.
    [one] Un grupo focal debatió los primeros resultados con las ciudades.
   *[other] { $workshops } grupos focales debatieron los primeros resultados con las ciudades.
}
pub-method-trends = { $questions ->
        [one] { $questions } pregunta se hizo también en una edición anterior; su tendencia compara ambas ediciones y las ciudades que respondieron a las dos.
       *[other] { $questions } preguntas se hicieron también en una edición anterior; sus tendencias comparan ambas ediciones y las ciudades que respondieron a las dos.
    }
pub-method-scores = Esta edición publica además puntuaciones compuestas por eje, con el intervalo que dejan sus elecciones inciertas. Se listan por nombre de ciudad: el estudio no es una clasificación.
pub-method-no-scores = El estudio no es una clasificación: no se publica ninguna puntuación ni posición, solo proporciones de ciudades y el perfil de cada ciudad.
pub-published = Resultados publicados
pub-published-version = Versión { $version } del { $date }
pub-withdrawn = Retirada: { $reason }
pub-withdrawn-page = Esta versión se retiró el { $date }: { $reason }
pub-read-findings = Leer los resultados
pub-choose-language = Elija un idioma
refused-not-analysed = Esta edición aún no se ha analizado: analícela antes de publicar.
refused-results-stale = Desde el último análisis se aceptaron, devolvieron o retiraron respuestas: vuelva a analizar la edición antes de publicar.
refused-nothing-to-publish = Aún no se ha aceptado la respuesta de ninguna ciudad, así que no hay nada que publicar.
refused-text-too-long = Este texto es demasiado largo: { $max } caracteres como máximo.
refused-published-meanwhile = Otra versión de esta edición se publicó en el mismo momento. Recargue la página y vuelva a publicar si es necesario.
refused-withdraw-reason = Indique por qué se retira la versión: el público lo leerá en sus páginas.
pub-conclusion-participation = { $answering ->
        [one] { $answering } ciudad
       *[other] { $answering } ciudades
    } de { $countries ->
        [one] { $countries } país
       *[other] { $countries } países
    } { $answering ->
        [one] respondió
       *[other] respondieron
    } a esta edición. Lo que sigue las describe como grupo, en proporciones de ciudades y perfiles: no las clasifica.
pub-conclusion-widespread = Lo que la mayoría de las ciudades ya tiene, eje por eje: { $list }.
pub-conclusion-rare = Lo que pocas tienen todavía, donde las ciudades que sí lo tienen más pueden ayudar a las demás: { $list }.
pub-conclusion-barriers = Las barreras más citadas son { $barriers }; los facilitadores, { $enablers }.
pub-withdrawn-title = Se retiró la versión { $version } de la edición { $year }
pub-read-current = Leer la versión vigente
pub-back-edition = Sobre la edición { $year }
pub-staff-heading = Resultados y publicación
pub-results-none = Aún sin analizar.
pub-results-current = Los resultados están al día: calculados el { $at }.
pub-results-stale = Los resultados están desfasados: se aceptó, devolvió o retiró una respuesta después de calcularlos ({ $at }).
pub-analyse-now = Analizar ahora
pub-publish-heading = Publicar una nueva versión
pub-publish-intro = Publicar congela el marco, las respuestas aceptadas, los resultados, las prácticas y los grupos focales en una versión numerada que no cambia nunca, con su sitio, sus PDF y sus datos abiertos. Las versiones anteriores siguen en línea.
pub-publish-needs-current = Analice primero la edición: solo se pueden publicar resultados al día.
pub-foreword-field = Prólogo ({ $language })
pub-conclusions-field = Conclusiones ({ $language }), redactadas a partir de los datos: edítelas antes de publicar
pub-versions = Versiones publicadas
pub-published-by = Publicada el { $at } por { $by }
pub-files = { $files ->
        [one] { $files } archivo
       *[other] { $files } archivos
    }, { $size } MB
pub-withdraw-reason = Motivo de la retirada (visible para el público)
pub-withdraw-button = Retirar la versión { $version }
pub-analysed-flash = Se analizó la edición.
pub-withdrawn-flash = Se retiró la versión { $version }.
pub-findings-of = Resultados de la edición { $year }
pub-published-heading = Resultados publicados
pub-not-published = Los resultados de esta edición no están publicados en esta plataforma; consulte sus fuentes para el informe.
pub-version-short = Versión { $version }

## Catálogo de buenas prácticas
nav-practices = Buenas prácticas
refused-practice-invalid = No se pudo guardar la práctica:
refused-practice-changed = Alguien guardó esta práctica después de que usted la abriera (versión { $based_on }, ahora { $now }). Vuelva a cargarla y repita su cambio.
refused-practice-consent = Una práctica solo se publica con el consentimiento de su ciudad.
refused-practice-return-comment = Indique qué debe cambiar la ciudad: una práctica se devuelve con un comentario.
practice-required = Obligatorio.
practice-too-long = Como máximo { $max } caracteres.
practice-too-many = Como máximo { $max } elementos.
practice-unknown-value = No es uno de los valores ofrecidos.
practice-bad-sdg = Elija un objetivo del 1 al 17.
practice-bad-target = { $target } no es una meta de los ODS: escríbala como 11.3 u 11.a.
practice-bad-date = Escriba la fecha como AAAA, AAAA-MM o AAAA-MM-DD.
practice-ended-before = El final es anterior al inicio.
practice-bad-link = { $link } no es una dirección web que empiece por https:// o http://.
practice-bad-email = No es una dirección de correo electrónico.
practice-field-title = Título
practice-field-summary = Resumen
practice-field-axis = Eje
practice-field-sub_area = Subárea
practice-field-sdg = ODS principal
practice-field-sdgs = Otros ODS
practice-field-targets = Metas de los ODS (como 11.3)
practice-field-inequalities = Desigualdades que aborda
practice-field-challenge = Reto abordado
practice-field-objectives = Objetivos
practice-field-actions = Qué se hizo
practice-field-technologies = Tecnologías (separadas por comas)
practice-field-actors = Actores
practice-field-started = Inicio (AAAA, AAAA-MM o AAAA-MM-DD)
practice-field-ended = Fin
practice-field-stage = Fase
practice-field-budget = Presupuesto
practice-field-funding = Fuente de financiación
practice-field-results = Resultados
practice-field-indicators = Indicadores (uno por línea, como «nombre: valor»)
practice-field-preconditions = Condiciones previas
practice-field-cost = Coste de replicarla
practice-field-complexity = Complejidad de replicarla
practice-field-needs = Qué necesita una ciudad para replicarla
practice-field-lessons = Lecciones aprendidas
practice-field-links = Enlaces (uno por línea)
practice-field-images = Imágenes (direcciones, una por línea)
practice-field-contact_name = Contacto
practice-field-contact_email = Correo de contacto
practice-field-consent = La ciudad acepta que se publique esta práctica
practice-status-draft = Borrador
practice-status-published = Publicada
practice-status-returned = Devuelta a la ciudad
practice-stage-planned = Planificada
practice-stage-pilot = Piloto
practice-stage-running = En marcha
practice-stage-scaled = Ampliada
practice-stage-ended = Finalizada
practice-actor-public = Sector público
practice-actor-private = Sector privado
practice-actor-academia = Academia
practice-actor-civil_society = Sociedad civil
practice-budget-under_50k = Menos de 50.000 €
practice-budget-50k_250k = De 50.000 a 250.000 €
practice-budget-250k_1m = De 250.000 € a 1 millón de €
practice-budget-over_1m = Más de 1 millón de €
practice-effort-low = Bajo
practice-effort-medium = Medio
practice-effort-high = Alto
practice-inequality-income = Ingresos
practice-inequality-gender = Género
practice-inequality-age = Edad
practice-inequality-disability = Discapacidad
practice-inequality-territorial = Territorial
practice-inequality-digital = Brecha digital
practice-inequality-migration = Migración
practice-none = —
practices-title = Buenas prácticas
practices-intro = Prácticas que las ciudades miembro comunicaron al estudio, para que otras ciudades las reutilicen. Busque en español, inglés o francés; las tildes son opcionales.
practices-search-label = Buscar prácticas
practices-search-button = Buscar
practices-order = Orden
practices-order-relevance = Más pertinentes
practices-order-newest = Más recientes
practices-found = { $count ->
    [one] Una práctica
   *[other] { $count } prácticas
}
practices-nothing = Ninguna práctica coincide. Pruebe con menos palabras o quite un filtro.
practices-filters = Filtros
practices-facet-axis = Eje
practices-facet-sub_area = Subárea
practices-facet-sdg = ODS
practices-facet-section = Sección de CGLU
practices-facet-band = Población
practices-facet-edition = Edición
practices-facet-budget = Presupuesto
practices-facet-status = Estado
practices-remove-filter = Quitar filtro: { $name }
practices-clear = Quitar todos los filtros
practices-pages = Página { $page } de { $pages }
practices-previous = Anterior
practices-next = Siguiente
practices-feed = Prácticas publicadas recientemente (canal Atom)
practices-feed-title = Estudio de Ciudades Inteligentes: buenas prácticas publicadas recientemente
practices-propose = Proponer una práctica
practice-written-in = Escrita en { $language }.
practice-translated-from = Traducida del { $language }.
practice-illustrative = Práctica ilustrativa escrita para la demostración.
practice-city = Ciudad
practice-editions = Comunicada en
practice-when = Fechas
practice-sdgs = ODS
practice-about = La práctica
practice-transferability = Transferibilidad
practice-results-heading = Resultados
practice-more = Más información
practice-related = Prácticas relacionadas
practice-reason-sub_area = Misma subárea: { $name }
practice-reason-axis = Mismo eje: { $name }
practice-reason-sdgs = ODS compartidos: { $goals }
practice-reason-section = Una ciudad de { $name }
practice-reason-band = Una ciudad del mismo tamaño ({ $name })
practice-reason-peer = { $city } respondió al estudio de forma parecida a esta ciudad
practice-versions = Versiones
practice-version-line = Versión { $version } · { $status } · { $by } · { $at }
practice-pictures = Imágenes
practice-picture-alt = Imagen { $number }
practice-picture-add = Añadir una imagen
practice-picture-remove = Quitar la imagen { $number }
practice-edit = Editar
practice-edit-title = Editar «{ $title }»
practice-propose-title = Proponer una práctica de { $city }
practice-writing-in = Está escribiendo en { $language }.
practice-translating = Esta práctica se escribió en { $original }: lo que escriba aquí se guarda como su traducción al { $language }; el original no cambia.
practice-save = Guardar
practice-save-draft = Guardar como borrador
practice-decision = Decisión
practice-publish = Publicar
practice-return = Devolver a la ciudad
practice-return-comment = ¿Qué debe cambiar la ciudad?
practice-comment-from-secretariat = La secretaría devolvió esta práctica: { $comment }
practice-needs-consent = Aún no se puede publicar: la ciudad no ha aceptado su publicación.
practice-saved-flash = Se guardó la práctica.
practice-proposed-flash = Se propuso la práctica: la secretaría la revisará.
practice-published-flash = La práctica está publicada.
practice-returned-flash = La práctica se devolvió a la ciudad con su comentario.
practice-status = Estado
practice-of-city = Prácticas de { $city }
practice-learn-from = Aprender de otras ciudades
practice-learn-from-intro = Prácticas publicadas de otras ciudades que trabajan donde a { $city } le falta lo que tienen la mayoría de las ciudades, según la última edición publicada.
practice-errors = Algunos campos necesitan atención:
review-practices = Buenas prácticas de esta respuesta
review-practice-comment = Comentario sobre esta práctica
cancel = Cancelar
practice-label-targets = Metas de los ODS
practice-label-started = Inicio
practice-label-ended = Fin
practice-label-technologies = Tecnologías
practice-sdg-short = ODS
autosave-problems = { $count ->
        [one] { $count } respuesta por corregir: vea el mensaje junto a ella.
       *[other] { $count } respuestas por corregir: vea los mensajes junto a ellas.
    }
submitted-heading = Respuestas enviadas
submitted-thanks = Gracias: las respuestas de { $city } se enviaron el { $when }.
submitted-next-heading = Qué ocurre ahora
submitted-next-review = La secretaría revisa las respuestas y puede pedir pruebas de algunas de ellas.
submitted-next-mail = Recibirá un correo cuando se acepten, o si se devuelven con comentarios que atender; entonces podrá cambiarlas y enviarlas de nuevo.
submitted-next-findings = Las respuestas aceptadas forman parte del análisis de la edición; los resultados muestran perfiles y proporciones de ciudades, nunca una clasificación.
overview-how-heading = Cómo responder
overview-deadline = Plazo: { $date }
overview-how = Responda cada página de la lista de arriba: sus respuestas se guardan mientras escribe y la barra junto a cada página indica cuánto está respondida. Cuando haya dado todas las respuestas obligatorias, revíselas y envíelas. También puede descargar el libro de cálculo, responder sin conexión y subirlo.
overview-contact = ¿Dudas? Escriba a la secretaría de la comunidad a la dirección que le invitó, o responda a su correo.
overview-to-address = Comentarios que atender
overview-to-address-intro = La secretaría devolvió las respuestas con estos comentarios. Corrija lo necesario en cada página y envíelas de nuevo.
footer-api = Datos abiertos: API JSON (descripción OpenAPI)
city-map-description = Un mapa del mundo con { $country } sombreado y un punto sobre { $city }.
review-staff-heading = Revisión de las respuestas de { $city }
refused-deadline-passed = El plazo { $deadline } ya ha pasado: elija un día futuro.
refused-deadline-before-call = El plazo { $deadline } no es posterior a la convocatoria de participación ({ $call }).
question-choices = { $count ->
        [one] { $count } opción
       *[other] { $count } opciones
    }
campaign-show = Mostrar
campaign-show-all = Todas las ciudades
campaign-show-awaiting = Pendientes de revisión
campaign-show-returned = Devueltas
campaign-show-silent = Sin respuesta (nada contestado)
workshop-id-taken = Ya existe un taller con el identificador { $id }: elija otro o edite ese taller.
workshop-title = Taller en { $language }, { $date }
picker-filter = Buscar una ciudad
picker-chosen = { $count ->
    [one] 1 ciudad elegida
   *[other] { $count } ciudades elegidas
}
campaign-preview-heading = Antes de invitar
campaign-preview-intro = { $count ->
    [one] Una ciudad miembro no ha sido invitada todavía. Sus puntos focales recibirán el correo siguiente, cada uno con un enlace personal.
   *[other] { $count } ciudades miembro no han sido invitadas todavía. Sus puntos focales recibirán el correo siguiente, cada uno con un enlace personal.
}
campaign-preview-no-focal-point = sin punto focal: la ciudad entra en la campaña, pero nadie recibe correo
campaign-preview-mail = El correo
campaign-preview-send = { $count ->
    [one] Enviar la invitación
   *[other] Enviar { $count } invitaciones
}
campaign-preview-cancel = Cancelar
campaign-preview-none = Todas las ciudades miembro activas ya han sido invitadas. Use los recordatorios para las que no han respondido.
cond-this-answer = esta respuesta
cond-or = { $a } o { $b }
cond-and = { $a } y { $b }
cond-eq = { $a } es { $b }
cond-ne = { $a } no es { $b }
cond-lt = { $a } es menor que { $b }
cond-le = { $a } es como máximo { $b }
cond-gt = { $a } es mayor que { $b }
cond-ge = { $a } es como mínimo { $b }
cond-add = { $a } + { $b }
cond-sub = { $a } − { $b }
cond-mul = { $a } × { $b }
cond-div = { $a } ÷ { $b }
cond-mod = resto de { $a } ÷ { $b }
cond-not = no ({ $a })
cond-selected = { $a } incluye { $b }
cond-count-selected = número de opciones elegidas en { $a }
cond-length = longitud de { $a }
cond-true = siempre
cond-false = nunca
cond-if = si { $a }, entonces { $b }; si no, { $c }
cond-in-words = En palabras
cond-build = Construir una condición
cond-build-intro = Elija una pregunta, una comparación y un valor; la condición se añade a la de arriba (con «y») al guardar.
cond-question = Pregunta
cond-comparison = Comparación
cond-value = Valor
cond-pick-eq = es
cond-pick-ne = no es
cond-pick-lt = es menor que
cond-pick-le = es como máximo
cond-pick-gt = es mayor que
cond-pick-ge = es como mínimo
cond-pick-selected = incluye
editor-campaign-open = La campaña está abierta: { $cities ->
    [one] una ciudad está respondiendo
   *[other] { $cities } ciudades están respondiendo
} este cuestionario. Cada cambio llega a sus formularios de inmediato; una nueva pregunta obligatoria se pide a las ciudades que aún no han enviado.
editor-delete-confirm = ¿Quitar la pregunta { $name }?
editor-delete-confirm-intro = La pregunta sale del cuestionario en una nueva versión; las versiones anteriores la conservan. No tiene respuestas.
editor-delete-yes = Sí, quitarla
editor-delete-no = No, conservarla
question-hint-unit = Unidad: { $unit }
unit-count = número
unit-percent = %
unit-km = km
unit-year = año
unit-years = años
unit-firms_per_1000_inhabitants = empresas por cada 1000 habitantes
results-index-alpha-none = no calculable (menos de dos indicadores, o menos de dos ciudades que respondan a todos)
results-index-pc1-none = no calculable (menos de tres ciudades que respondan a todos los indicadores)
results-index-interval-chart = Intervalo en barra
results-method-heading = Método y procedencia
results-text-question = Las respuestas a esta pregunta son texto libre: se resumen codificándolas en categorías, que se muestran con las barreras y los facilitadores.
results-no-answers = Ninguna ciudad ha respondido aún a esta pregunta.
nav-events = Eventos
events-heading = Eventos
events-intro = Seminarios web, reuniones de aprendizaje con organizaciones socias y presentaciones del estudio, pasados y próximos.
events-subscribe = Suscribirse al calendario (iCalendar)
events-feed-title = Smart Cities Study: eventos
events-upcoming = Próximos
events-past = Eventos pasados
events-none-upcoming = Aún no se ha anunciado ningún evento.
events-none-past = Aún no se ha registrado ningún evento.
events-private = no público
events-audience = Público
events-partners = Socios
events-attendance = { $count ->
    [one] 1 participante
   *[other] { $count } participantes
}
events-component = Componente
events-material = material { $n }
events-edit = Corregir este evento
events-record = Registrar un evento
events-correct = Corregir un evento
events-not-saved = No se guardó nada: vea los campos señalados abajo.
events-field-id = Identificador
events-id-rule = minúsculas, cifras y guiones, p. ej. 2026-03-webinar-datos-abiertos
events-field-title = Título
events-field-kind = Tipo
events-field-language = Idioma del evento
events-field-starts = Primer día
events-field-ends = Último día (para eventos de varios días)
events-field-place = Lugar (vacío para un evento en línea)
events-field-audience = Público
events-field-materials = Materiales: un enlace por línea
events-field-attendance = Participantes (cuando se sepa)
events-field-edition = Edición del estudio a la que se refiere
events-field-public = Mostrar en el calendario público y el canal
events-save = Guardar el evento
event-online = En línea
event-kind-webinar = Seminario web
event-kind-learning_meeting = Reunión de aprendizaje
event-kind-presentation = Presentación del estudio
event-kind-partner_meeting = Reunión con una organización socia
event-kind-statutory_meeting = Reunión de los órganos de la red
component-implementation = Implementación
component-representation = Representación
component-monitoring = Control y seguimiento
component-learning = Aprendizaje
component-strengthening = Fortalecimiento de la red
event-problem-title = escriba un título de 1 a { $max } caracteres
event-problem-day = indique el día, como 2026-03-12
event-problem-order = el evento no puede terminar antes de empezar
event-problem-long = este texto debe tener menos de { $max } caracteres
event-problem-links = indique como máximo { $max } enlaces
event-problem-link = { $link } no es un enlace http o https
event-problem-partner = { $partner } no es una organización socia de la comunidad
event-problem-language = elija español, inglés o francés
event-problem-attendance = indique un número entero de participantes
event-problem-id = indique un identificador de 3 a 80 minúsculas, cifras y guiones internos, o déjelo en blanco para crearlo a partir del título
event-problem-date = indique una fecha como 2027, 2027-03 o 2027-03-12
event-problem-choice = elija una de las opciones
events-id-blank = déjelo en blanco para crearlo a partir de la fecha y el título
refused-event-invalid = El evento no se guardó:
refused-event-id-taken = Ya existe un evento con el identificador { $id }: elija otro o corrija ese evento.

## Comunidad: formularios, renovación, informe de avance
community-problem-missing = este campo es obligatorio
community-problem-control = Escríbalo en una sola línea, sin saltos de línea ni tabulaciones.
community-problem-email = esta no es una dirección de correo electrónico
community-problem-focal-points = indique entre uno y { $max } puntos focales
refused-community-invalid = No se guardó nada:
refused-round-open = La ronda de renovación { $round } sigue abierta; ciérrela antes de abrir otra.
refused-round-closed = Esta ronda de renovación está cerrada.
refused-own-account = No puede desactivar ni borrar su propia cuenta; pídaselo a otra persona de la secretaría.
refused-confirmation-needed = Para confirmar, escriba de nuevo la dirección en el campo de confirmación.
refused-account-disabled = Esta cuenta está desactivada. Escriba a la secretaría para que la vuelva a activar.
refused-too-many-applications = Se han enviado demasiadas solicitudes en la última hora. Vuelva a intentarlo dentro de una hora o escriba a la secretaría.
refused-round-closes-in-past = La ronda debe cerrarse un día posterior a hoy.
refused-already-decided = Esta solicitud ya se resolvió.
activity-status-planned = Prevista
activity-status-under_way = En curso
activity-status-done = Realizada
activity-status-cancelled = Cancelada
progress-title = Informe de avance al Secretariado Mundial
progress-period = Periodo
progress-drawn-up = Elaborado el
progress-section-activities = Principales actividades, por componente de las prioridades estratégicas de la red
progress-activities = Actividades del plan
progress-events = Eventos
progress-figures = Cifras
progress-nothing = Nada en este periodo.
progress-leadership = Actualización del liderazgo de la comunidad
progress-summary = Resumen de los resultados del periodo
progress-online = en línea
progress-edition = Edición { $year }
progress-reported-cities = { $cities ->
        [one] { $cities } ciudad participante
       *[other] { $cities } ciudades participantes
    }, según la edición
progress-participation = { $invited ->
        [one] { $invited } ciudad invitada
       *[other] { $invited } ciudades invitadas
    }, { $answered ->
        [one] { $answered } respondió
       *[other] { $answered } respondieron
    } ({ $rate }), { $accepted ->
        [one] { $accepted } aceptada
       *[other] { $accepted } aceptadas
    }
progress-practices-published = Buenas prácticas publicadas en el periodo
progress-practices-total = Buenas prácticas en el catálogo
progress-lead = { $city } lidera la comunidad, representada por { $representative }, { $office }.
progress-presentations = Presentaciones del estudio
progress-round-open = abierta
progress-round-closed = cerrada
progress-round = { $state }: { $confirmed ->
        [one] { $confirmed } confirmó
       *[other] { $confirmed } confirmaron
    }, { $updated ->
        [one] { $updated } actualizó
       *[other] { $updated } actualizaron
    }, { $left ->
        [one] { $left } se dio de baja
       *[other] { $left } se dieron de baja
    }, { $silent } sin respuesta
progress-learning-events = Webinarios y reuniones de aprendizaje
progress-attendance = Participantes en total
progress-applications = Solicitudes de adhesión
progress-applications-detail = { $received ->
        [one] { $received } recibida
       *[other] { $received } recibidas
    }, { $approved ->
        [one] { $approved } aprobada
       *[other] { $approved } aprobadas
    }
progress-downloads = Descargas de la edición { $year }
progress-council-nothing = aún no ha recibido resultados
progress-council-received = recibió los resultados de { $editions }
progress-lead-since = { $city } lidera la comunidad desde { $since }.
progress-no-leadership = No consta ningún liderazgo.
progress-summary-edition = edición { $year }, «{ $title }» ({ $cities ->
        [one] { $cities } ciudad
       *[other] { $cities } ciudades
    })
progress-summary-work = En el periodo { $period } la comunidad trabajó en { $count ->
    [0] ninguna edición del estudio
    [one] una edición del estudio: { $editions }
   *[other] { $count } ediciones del estudio: { $editions }
}. { $practices ->
        [one] Se publicó { $practices } buena práctica
       *[other] Se publicaron { $practices } buenas prácticas
    } en el catálogo y las ediciones publicadas se descargaron { $downloads ->
        [one] { $downloads } vez
       *[other] { $downloads } veces
    } desde el sitio.
progress-summary-no-renewal = no hubo renovación de la lista de miembros
progress-summary-renewal = se renovó la lista de miembros ({ $confirmed ->
        [one] { $confirmed } miembro continúa
       *[other] { $confirmed } miembros continúan
    }, { $left ->
        [one] { $left } se dio de baja
       *[other] { $left } se dieron de baja
    }, { $silent } { $closed ->
        [yes] caducaron sin responder
       *[other] aún no han respondido
    })
progress-summary-network = La comunidad organizó o participó en { $events ->
        [one] { $events } evento
       *[other] { $events } eventos
    } con { $attendance ->
        [one] { $attendance } participante
       *[other] { $attendance } participantes
    } en total, junto con { $partners ->
        [one] { $partners } organización asociada
       *[other] { $partners } organizaciones asociadas
    }; { $renewal }. Cuenta con { $active ->
        [one] { $active } miembro activo.
       *[other] { $active } miembros activos.
    }
nav-community = Comunidad
renewal-page-heading = Membresía de { $city }
renewal-closes = respuestas hasta el { $date }
renewal-thanks = Gracias: su respuesta quedó registrada. Puede cambiarla hasta que se cierre la ronda.
renewal-your-answer = Su respuesta
renewal-stay = Seguir siendo miembro
renewal-stay-intro = Revise las personas a las que la comunidad escribe sobre el estudio. Corríjalas o añada otras, o confírmelas tal como están.
renewal-focal-points = Puntos focales
renewal-focal-name = Nombre
renewal-focal-role = Cargo
renewal-focal-email = Correo electrónico
renewal-focal-hint = Deje una fila vacía para quitar a esa persona.
renewal-confirm = Confirmar: estos datos son correctos
renewal-update = Guardar los datos corregidos
renewal-leave-heading = Darse de baja de la comunidad
renewal-leave-note = Por qué la ciudad se da de baja (opcional)
renewal-leave = Darse de baja
renewal-answer-waiting = Sin respuesta
renewal-answer-confirmed = Confirmó
renewal-answer-updated = Actualizó
renewal-answer-left = Se dio de baja
renewal-heading = Renovación de la lista de miembros
renewal-intro = Los puntos focales de cada miembro reciben un enlace para confirmar o corregir los contactos de la ciudad, o para darse de baja. Los miembros que no respondan antes del cierre caducan; no se borra nada.
renewal-opened = abierta el { $date }
renewal-remind = Recordar a los miembros sin respuesta
renewal-close-confirm = Entiendo que { $count ->
        [one] { $count } miembro sin respuesta caducará
       *[other] { $count } miembros sin respuesta caducarán
    }
renewal-close = Cerrar la ronda
renewal-filter = Mostrar
renewal-col-answer = Respuesta
renewal-col-when = Cuándo
renewal-col-reminders = Recordatorios
renewal-col-note = Nota
renewal-open-heading = Abrir una ronda de renovación
renewal-field-title = Título de la ronda
renewal-field-closes = Último día para responder
renewal-open-hint = Cada miembro activo pasa a «pendiente de renovación» y cada uno de sus puntos focales recibe por correo el enlace de la ciudad.
renewal-open = Abrir la ronda y escribir a los miembros
renewal-past = Rondas anteriores
renewal-notice-opened = La ronda está abierta; los correos están en la bandeja de salida.
renewal-notice-reminded = Los recordatorios están en la bandeja de salida.
renewal-notice-closed = La ronda está cerrada; los miembros sin respuesta han caducado.
renewal-notice-approved = La ciudad ya es miembro; se avisará por correo a quien lo solicitó.
renewal-notice-declined = La solicitud se ha rechazado; se explicará el motivo por correo a quien la envió.
renewal-notice-spam = La solicitud queda marcada como no deseada: sale de las listas y de los recuentos, y no se envía ningún correo.
applications-heading = Solicitudes de adhesión
applications-none = Ninguna ciudad lo ha solicitado.
applications-reason = Motivo
applications-latitude = Latitud (para el mapa de miembros)
applications-longitude = Longitud
applications-approve = Aprobar
applications-decline = Rechazar, con el motivo indicado
applications-spam = Marcar como no deseada
application-status-pending = Pendiente de decisión
application-status-approved = Aprobada
application-status-declined = Rechazada
application-status-spam = Correo no deseado
join-heading = Solicitar la adhesión
join-intro = Las ciudades que quieran participar en la comunidad y en su estudio lo solicitan aquí. El secretariado responde por correo.
join-sent = Gracias: la solicitud quedó registrada. El secretariado responderá por correo.
join-city = Ciudad
join-motivation = Por qué la ciudad quiere sumarse (opcional)
join-send = Enviar la solicitud
join-trap = Deje este campo vacío
community-heading = La comunidad
members-staff-note = Usted ve todos los miembros registrados; el público ve los actuales (activos o con la renovación pendiente).
community-intro = Quién lidera la comunidad de práctica, dónde está representada y su plan de actividades por semestre.
community-leadership = Liderazgo
community-bodies = Órganos de la red en los que participa quien lidera
community-councils = Consejos políticos que deberían recibir los resultados
community-plan = Plan de actividades
community-plan-empty = Aún no hay actividades previstas.
community-report-intro = El informe al Secretariado Mundial: una sección por componente con sus actividades y cifras, la actualización del liderazgo y un resumen de resultados.
community-report-from = Primer mes
community-report-to = Último mes
community-report-lang = Idioma
community-report-summary = Resumen de resultados
community-report-summary-hint = Si se deja vacío, el resumen se redacta a partir de los datos.
community-report-draft = Partir del resumen redactado
community-report-html = Elaborar el informe (página web)
community-report-pdf = Elaborar el informe (PDF)
community-leadership-edit = Corregir el liderazgo
community-lead-city = Ciudad que lidera
community-representative = Representante
community-office = Cargo
community-since = Lidera desde (año, o año y mes)
community-update = Actualización del liderazgo para el informe
community-bodies-field = Órganos de la red y el cargo de la ciudad líder en cada uno; vacíe una fila para quitarla
community-councils-field = Consejos políticos y las ediciones cuyos resultados recibió cada uno; vacíe una fila para quitarla
community-activity-edit = Corregir una actividad
community-activity-new = Prever una actividad
community-activity-title = Qué se hace
community-semester = Semestre (p. ej. 2027-S1)
community-owner = Quién la realiza
community-activity-start = Inicio (opcional: AAAA-MM o AAAA-MM-DD)
community-activity-end = Fin (opcional)

# Collection and publication kept apart
refused-not-open-yet = La edición { $edition } aún no recibe respuestas.
refused-collection-closed = La edición { $edition } ya no recibe respuestas.
refused-deadline-behind = El plazo de respuesta de la edición { $edition } terminó el { $date }.
refused-write-to-secretariat = Para cambiar una respuesta, escriba a la secretaría: { $contact }
refused-already-public = La versión { $version } ya es pública.
refused-version-withdrawn = La versión { $version } fue retirada; publique una versión nueva.
refused-moment-passed = «{ $at }» no es un momento por venir: elija una fecha y una hora futuras.
refused-collection-unchanged = La recogida de respuestas no puede hacer eso ahora: está { $state }.
collection-planning = aún sin abrir
collection-open = abierta
collection-closed = cerrada
collection-state = Respuestas
collection-reopen = Reabrir las respuestas
collection-close = Cerrar la recogida
collection-extend-city = Dar más plazo a una ciudad
collection-extend-until = hasta el
collection-extend = Darle más plazo
collection-choose-city = Elija una ciudad
collection-bad-date = Escriba la fecha como AAAA-MM-DD.
collection-confirm-heading = Confirmar
collection-confirm-open = Las ciudades podrán responder hasta el { $date } (incluido).
collection-confirm-close = Las ciudades ya no podrán responder. Lo que guardaron se conserva; puede reabrir la recogida más adelante.
collection-confirm-extend = Esta ciudad podrá responder hasta el { $date } (incluido), sea cual sea el plazo de la edición.
collection-confirm-mailed = { $count ->
    [one] Se avisará por correo a la ciudad que sigue respondiendo:
   *[other] Se avisará por correo a las { $count } ciudades que siguen respondiendo:
}
collection-confirm-nobody = No se envía ningún correo: ninguna ciudad está respondiendo todavía.
collection-confirm-button = Confirmar
collection-opened-notice = La recogida está abierta. Ciudades avisadas: { $cities }; mensajes en la bandeja de salida: { $mails }.
collection-closed-notice = La recogida está cerrada. Ciudades avisadas: { $cities }; mensajes en la bandeja de salida: { $mails }.
collection-extended-notice = La ciudad tiene más plazo para responder. Mensajes en la bandeja de salida: { $mails }.
collection-own-deadline = hasta el { $date }
status-closed = Respuestas cerradas
status-collecting-published = Recogiendo respuestas; resultados provisionales publicados
pub-publish-provisional = Las ciudades siguen respondiendo: una versión hecha ahora indica en cada página y archivo que sus resultados son provisionales. Hacerla no cierra la recogida.
pub-publish-collection-kept = Hacer una versión nunca cambia si las ciudades pueden responder.
pub-changes-field = Qué cambió desde la versión { $version } ({ $language })
pub-when = ¿Cuándo se hace pública?
pub-when-preview = Mantenerla privada: la revisaré antes
pub-when-now = Pública en cuanto esté hecha
pub-when-at = En una fecha y hora:
pub-at-local = Fecha y hora
pub-at-zone = Zona horaria
pub-provisional = provisional
pub-make-public = Hacer pública la versión { $version } ahora
pub-schedule = Programar
pub-unschedule = Anular la programación (mantenerla privada)
pub-state-public = pública desde { $at }
pub-state-scheduled = privada hasta { $at } (UTC), luego pública
pub-state-preview = vista previa privada
pub-public-flash = La versión { $version } es pública.
pub-scheduled-flash = La versión { $version } se hará pública a la hora fijada.
pub-unscheduled-flash = La versión { $version } vuelve a ser una vista previa privada.
pub-publish-button = Hacer la versión { $version }
pub-published-flash = La versión { $version } está hecha: pública, programada o en vista previa privada, según lo elegido (véase abajo).
pub-provisional-short = Resultados provisionales.
pub-provisional-note = Esta versión se hizo mientras las ciudades seguían respondiendo: habían respondido { $answering } de { $invited ->
        [one] la { $invited } ciudad invitada.
       *[other] las { $invited } ciudades invitadas.
    } Sus cifras cambiarán.
pub-changes = Qué cambió
pub-changes-auto = La versión { $version } se basaba en las respuestas de { $before } ciudades; esta, en las de { $now }.

## Personal data
privacy-heading = Privacidad
privacy-what-we-keep = Qué guardamos sobre usted y por qué.
privacy-intro = Esta plataforma lleva a cabo el Estudio de Ciudades Inteligentes de una red de ciudades. Guarda sobre las personas solo lo que ese trabajo necesita, y nada se vende ni se comparte para otros fines.
privacy-what-heading = Qué se guarda
privacy-what-accounts = De quienes inician sesión: nombre, dirección de correo electrónico, rol, la ciudad por la que responden, la contraseña como huella irreversible y las sesiones abiertas.
privacy-what-focal = De los puntos focales de cada ciudad miembro: nombre, cargo y dirección de correo electrónico, para enviar invitaciones, recordatorios y solicitudes de renovación.
privacy-what-applications = De las ciudades que solicitan unirse: nombre, cargo y correo de la persona de contacto, y el motivo indicado.
privacy-what-answers = De cada respuesta de una ciudad: quién la guardó o revisó, y cuándo, para que la ciudad y la secretaría puedan seguir su historial.
privacy-what-practices = De una buena práctica: el contacto que indique su ciudad, si lo hay.
privacy-what-technical = Registros técnicos: los inicios de sesión fallidos durante un cuarto de hora, el correo pendiente de envío y una huella anónima de quien envía los formularios públicos (nunca la dirección misma) para limitar abusos.
privacy-why-heading = Para qué
privacy-why = Para llevar a cabo cada edición del estudio con las ciudades miembro (invitaciones, respuestas, revisión, publicación), mantener al día la lista de miembros y proteger la plataforma de abusos. Los resultados publicados tratan de ciudades, nunca de personas.
privacy-how-long-heading = Durante cuánto tiempo
privacy-how-long-accounts = Cuentas y puntos focales: mientras la persona participe, o hasta que pida que se borren.
privacy-how-long-applications = Solicitudes rechazadas: { $declined } días después de la decisión. Solicitudes marcadas como no deseadas: { $spam } días.
privacy-how-long-technical = Inicios de sesión fallidos: 15 minutos. Sesiones: hasta que caducan o la persona cierra la sesión.
privacy-rights-heading = Sus derechos y a quién dirigirse
privacy-rights = Puede pedir una copia de todo lo que se guarda sobre usted, una corrección o el borrado. La secretaría responde en el plazo de un mes. Tras el borrado, las respuestas que dio quedan con su ciudad, atribuidas a «un contacto anterior».
privacy-contact = Escriba a la secretaría
privacy-contact-secretariat = Escriba a la secretaría de la comunidad a la dirección que figura en sus invitaciones.
people-heading = Datos personales
people-intro = Encuentre lo que la plataforma guarda sobre una persona, entrégueselo, desactive su cuenta o bórrela si lo pide.
people-find = Buscar
people-held = Lo que se guarda sobre { $email }
people-nothing = No se guarda nada sobre esta dirección.
people-account = Una cuenta: { $name } ({ $role })
people-disabled = desactivada
people-focal = Punto focal de { $city }: { $name }, { $role }
people-applications = { $count ->
    [one] Una solicitud de adhesión
   *[other] { $count } solicitudes de adhesión
}
people-practice = Contacto de la práctica
people-records = { $count ->
    [one] Un registro hecho, en
   *[other] { $count } registros hechos, en
}
people-mails = { $count ->
    [one] Un correo a esta dirección
   *[other] { $count } correos a esta dirección
}
people-export = Descargar todo en un archivo JSON
people-disable = Desactivar la cuenta (sus sesiones se cierran ya)
people-enable = Volver a activar la cuenta
people-erase-explained = El borrado elimina la cuenta, los puntos focales, las solicitudes, el contacto de las prácticas y el correo a esta dirección. Las respuestas y revisiones quedan con su ciudad, atribuidas a «un contacto anterior». No se puede deshacer.
people-erase-confirm = Para confirmar, escriba de nuevo la dirección
people-erase = Borrar a esta persona
people-done-disabled = La cuenta está desactivada: sus sesiones se han cerrado.
people-done-enabled = La cuenta vuelve a estar activa.
people-done-erased = Los datos de la persona se han borrado.
people-former-contact = un contacto anterior

## Drafted findings: every sentence states its figure
sentence-answer-yes = responden sí a «{ $question }»
sentence-spread-most = La mayoría de las ciudades ({ $share }) { $predicate }.
sentence-spread = El { $share } de las ciudades { $predicate }.
sentence-spread-few = Pocas ciudades ({ $share }) { $predicate }.
sentence-listed = { $predicate } ({ $share })
sentence-city-one-of = { $city } está entre el { $share } de las ciudades que { $predicate }.
sentence-city-not-yet = El { $share } de las ciudades { $predicate }; { $city }, todavía no.
sentence-city-level = { $city } está entre el { $share } de las ciudades con «{ $level }» o más en «{ $question }».
sentence-city-below = El { $share } de las ciudades está por encima de «{ $level }», el nivel de { $city }, en «{ $question }».
sentence-axis = { $axis }: { $finding }
pub-practice-shown-in = Aún sin traducir: se muestra en { $language }, tal como se escribió.
statements-heading = Enunciados para los resultados redactados
statements-intro = Los resultados redactados parten solo de las preguntas de sí o no, que son las que aparecen aquí. Para cada una, lo que hace una ciudad que responde sí, con «las ciudades» como sujeto («tienen un plan de acción climática vigente»). Los resultados redactados lo usan en lugar de citar la pregunta; un idioma vacío no se redacta. 200 caracteres como máximo.
statements-save = Guardar los enunciados
statements-saved = Enunciados guardados como versión { $version } del marco.
statements-link = Enunciados para los resultados redactados
pub-legend-share = Porcentaje de las ciudades que responden
pub-legend-interval = Intervalo del 95 %
event-problem-capacity = indique un número de plazas de al menos 1, o déjelo en blanco
event-problem-time = indique una hora del día, como 10:00
event-problem-zone = elija una zona horaria de la lista, como Europe/Madrid
events-field-texts = Textos en cada idioma
events-texts-hint = Escriba los textos en el idioma que conoce; deje en blanco un idioma hasta que alguien los traduzca. Donde falta una traducción, se muestra el original, señalado como tal.
events-field-original = Escrito primero en
events-field-starts-at = Empieza a las (hora local)
events-field-ends-at = Termina a las (hora local)
events-field-zone = Zona horaria del lugar (o de quienes lo organizan, en línea)
events-field-online = Enlace para seguirlo en línea
events-field-registration = Enlace de inscripción
events-field-capacity = Plazas (vacío si no hay límite)
events-join = Seguir en línea
events-register = Inscribirse
events-capacity = { $count ->
        [one] { $count } plaza
       *[other] { $count } plazas
    }
events-hours = { $starts }–{ $ends } ({ $zone }, { $offset })
events-hours-start = { $starts } ({ $zone }, { $offset })
events-your-time = su hora:
events-missing = Traducciones que faltan
events-missing-count = { $count ->
        [one] { $count } evento no tiene texto en { $language }
       *[other] { $count } eventos no tienen texto en { $language }
    }
events-missing-show = mostrarlos
events-missing-all = mostrar todos los eventos
events-missing-none = Todos los eventos tienen sus textos en los tres idiomas.
events-showing-missing = Solo se muestran los eventos sin texto en { $language }.
text-original-in = Original en { $language }
text-translated-from = Traducido del { $language }
progress-lead-no-office = { $city } lidera la comunidad, representada por { $representative }.
community-body = Órgano { $n }
community-body-role = Cargo en el órgano { $n }
community-council = Consejo { $n }
community-council-received = Ediciones que recibió el consejo { $n } (p. ej. 2019, 2021)
translations-heading = Textos sin traducción
translations-intro = Cada tipo de texto que se escribe para el público, cuántos hay y cuántos carecen de texto en cada idioma. Donde falta una traducción, el público ve el original, señalado como tal.
translations-col-kind = Tipo de texto
translations-col-items = Elementos
translations-col-missing = Sin { $language }
translations-kind-events = Eventos
translations-kind-activities = Actividades del plan
translations-kind-leadership = Liderazgo
translations-kind-renewal-rounds = Rondas de renovación
translations-kind-partners = Organizaciones asociadas
translations-kind-practices = Prácticas del catálogo
translations-kind-questions = Preguntas de los cuestionarios
city-names-edit = Nombres en cada idioma
city-names-heading = Nombres de { $city }
city-names-intro = El nombre en inglés es el del registro y se muestra donde un idioma no tiene nombre propio. Deje en blanco el nombre en español o en francés cuando sea igual al inglés.
city-names-en = Nombre en inglés
city-names-es = Nombre en español
city-names-fr = Nombre en francés
city-names-save = Guardar los nombres
city-names-back = Volver a { $city }
synonyms-heading = Sinónimos de búsqueda
synonyms-intro = Palabras que una búsqueda debe tratar como iguales, por idioma: un grupo por línea, palabras separadas por comas (por ejemplo «bici, bicicleta, ciclismo»). Una búsqueda en ese idioma de una palabra del grupo encuentra lo que encuentra cualquiera de ellas.
synonyms-field = Grupos de sinónimos en { $language }
synonyms-save = Guardar los sinónimos en { $language }
synonyms-saved = Los sinónimos en { $language } están guardados; las búsquedas los usan desde ahora.
synonyms-none = Todavía no hay sinónimos.
synonyms-back = Volver al catálogo
synonyms-link = Sinónimos de búsqueda
synonyms-problem-groups = Como máximo { $max } grupos por idioma.
synonyms-problem-alone = Línea { $line }: un grupo necesita al menos dos palabras distintas, separadas por comas.
synonyms-problem-words = Línea { $line }: como máximo { $max } palabras por grupo.
synonyms-problem-word = Línea { $line }: «{ $word }» no es una palabra: use solo letras y cifras, como máximo { $max } caracteres.
community-activity-correct = Corregir esta actividad
community-leadership-save = Guardar el liderazgo
community-activity-save = Guardar la actividad
synonyms-one-per-line = Un grupo por línea, palabras separadas por comas

## El equipo que responde por una ciudad
team-link = { $count ->
    [one] Equipo (una persona)
   *[other] Equipo ({ $count } personas)
}
team-heading = Quién responde
team-intro = Un estudio de seis ejes necesita a varios departamentos. El punto focal invita a colegas y asigna a cada uno las secciones que responde; un colega lee todas las secciones y guarda solo las suyas. Cada cambio queda firmado con el nombre de quien lo hizo, y el punto focal envía las respuestas.
team-members = El equipo
team-focal-point = Punto focal
team-colleague = Colega
team-sections = Secciones
team-sections-of = Secciones que responde { $name }
team-save-sections = Guardar secciones
team-end = Retirar el acceso
team-ended = acceso retirado el { $date }
team-answers-saved = { $count ->
    [one] una respuesta consta como suya
   *[other] { $count } respuestas constan como suyas
}
team-invite-heading = Invitar a un colega
team-invite-intro = Recibe un enlace para elegir su contraseña, en el idioma que elija, y podrá responder las secciones que marque.
team-name = Nombre
team-mail-language = Idioma del correo
team-invite = Invitar
team-invited = Invitación enviada a { $email }.
team-focal-heading = Cambiar el punto focal
team-focal-intro = El nuevo punto focal responde todas las secciones y envía las respuestas; la cuenta del punto focal anterior queda desactivada y el registro nombra al nuevo. Un colega con esta dirección pasa a ser el punto focal.
team-role = Cargo
team-focal-change = Nombrar punto focal
team-your-sections = Sus secciones: { $sections }. Puede leer las demás; el punto focal envía las respuestas.
team-yours = suya
team-read-only-section = Esta sección la responde un colega: puede leerla pero no cambiarla.
team-section-answered-by = { $count ->
    [one] La responde { $names }.
   *[other] La responden { $names }.
}
review-who-heading = Quién respondió
review-answered-by = por { $name }
team-name-missing = Indique el nombre de la persona.
team-name-invalid = Un nombre tiene como máximo { $max } caracteres y ningún carácter de control.
team-address-invalid = No es una dirección de correo electrónico.
team-address-taken = Esta dirección ya pertenece a alguien que no puede ocupar este lugar (quien responde por otra ciudad, la secretaría, un analista o el punto focal de esta ciudad).
team-no-sections = Marque al menos una sección para que la responda el colega.
team-unknown-section = El cuestionario no tiene la sección «{ $section }».
team-not-a-colleague = Esta persona no es colega del equipo de la ciudad.
team-not-your-section = «{ $section }» la responde otra persona del equipo de su ciudad: no se guardó nada.
team-focal-point-only = Solo el punto focal de la ciudad (o la secretaría) puede hacerlo.
team-mail-colleague-subject = Smart Cities Study — { $city }: { $inviter } le pide que responda parte del cuestionario
team-mail-colleague-body = { $inviter } le invita a responder estas secciones del cuestionario de { $city } para «{ $edition }»: { $sections }.

    Puede leer el resto del cuestionario; { $inviter } envía las respuestas. Abra este enlace para elegir su contraseña y empezar:

    { $link }
team-mail-focal-subject = Smart Cities Study — { $city }: ahora es el punto focal
team-mail-focal-body = La secretaría le ha nombrado punto focal de { $city } para «{ $edition }»: responde todas las secciones, puede invitar a colegas para algunas de ellas y envía las respuestas.

    { $link }

## La bandeja de pendientes de la página personal
inbox-heading = Pendiente
inbox-empty = No tiene nada pendiente.
inbox-awaiting-review = { $count ->
    [one] Una respuesta a { $year } espera su revisión
   *[other] { $count } respuestas a { $year } esperan su revisión
}
inbox-draft-practices = { $count ->
    [one] Una práctica en borrador
   *[other] { $count } prácticas en borrador
}
inbox-applications = { $count ->
    [one] Una solicitud de adhesión espera una decisión
   *[other] { $count } solicitudes de adhesión esperan una decisión
}
inbox-renewal-round = La ronda de renovación «{ $name }» está abierta
inbox-mail-failures = { $count ->
    [one] Un correo no se pudo entregar
   *[other] { $count } correos no se pudieron entregar
}
inbox-stale-results = Los resultados de { $year } ya no corresponden a las respuestas: vuelva a analizar
inbox-answer = Responda el cuestionario de { $year }
inbox-answer-due = Responda el cuestionario de { $year } antes del { $date }
inbox-returned = Sus respuestas a { $year } se devolvieron con comentarios: corrija y vuelva a enviar
inbox-practices-returned = { $count ->
    [one] Una práctica de su ciudad se devolvió con comentarios
   *[other] { $count } prácticas de su ciudad se devolvieron con comentarios
}
inbox-your-sections = (sus secciones: { $sections })

## Ayudas para la revisión
evidence-save-all = Guardar todos los niveles de evidencia
review-changed = cambiada desde la devolución
review-previous = Edición anterior
review-changed-since = { $count ->
    [one] Devuelta a la ciudad el { $date }; desde entonces cambió una respuesta.
   *[other] Devuelta a la ciudad el { $date }; desde entonces cambiaron { $count } respuestas.
}
review-outliers = { $count ->
    [one] Una cifra destaca: compruébela con la ciudad.
   *[other] { $count } cifras destacan: compruébelas con la ciudad.
}
review-outlier-fences = { $cities ->
    [one] Fuera del intervalo que dio la mayoría de las ciudades (de { $low } a { $high }, { $cities } ciudad).
   *[other] Fuera del intervalo que dio la mayoría de las ciudades (de { $low } a { $high }, según { $cities } ciudades).
}
review-outlier-change = Más del doble, o menos de la mitad, de la cifra de la ciudad en { $year } ({ $from }).
review-reviewer = Revisor
review-nobody = Nadie todavía
review-assign = Asignar
inbox-assigned-to-you = { $count ->
    [one] Tiene asignada la revisión de una respuesta a { $year }
   *[other] Tiene asignada la revisión de { $count } respuestas a { $year }
}
coding-filter-question = Pregunta
coding-filter-section = Sección
coding-filter-coder = Codificada por
coding-filter-state = Estado
coding-filter-any = Cualquiera
coding-filter-apply = Mostrar
coding-state-todo = Aún sin codificar por usted
coding-state-done = Codificada por usted
coding-none-kept = Ninguna respuesta cumple estos filtros.

## Aprobar una ciudad con el nomenclátor, y la bienvenida
applications-place = { $name } ({ $country }, { $region }) · { $population } habitantes · { $lat }, { $lon }
applications-places = Lugares con este nombre en el nomenclátor
applications-places-source = Coordenadas y población de GeoNames (CC BY 4.0), citado como fuente de la ciudad.
applications-approve-as = Aprobar como el lugar elegido
applications-or-typed = O, para un lugar que el nomenclátor no tiene, escriba su posición:
applications-no-place = El nomenclátor no tiene ningún lugar con este nombre en este país: escriba su posición.
welcome-mail-subject = Bienvenida a la Comunidad de Práctica de Ciudades Digitales de CGLU: { $city }
welcome-mail-body = Estimado/a { $name }:

    { $city } ya es miembro de la Comunidad de Práctica de Ciudades Digitales de CGLU.

    Qué aporta ser miembro:
    - El Estudio de Ciudades Inteligentes: en cada edición su ciudad responde un cuestionario sobre los seis ejes (economía, ciudadanía, gobernanza, movilidad, medio ambiente y calidad de vida), en línea o sin conexión, en español, inglés o francés, y puede repartir sus secciones entre colegas.
    - Las buenas prácticas de su ciudad en el catálogo público, donde otras ciudades las encuentran por tema y por Objetivo de Desarrollo Sostenible.
    - El informe del estudio, las fichas de ciudad y los datos abiertos, que describen la situación de las ciudades como proporciones y perfiles, nunca como una clasificación.
    - Los eventos de la red con organizaciones asociadas.

    Próximos pasos:
    1. Cuando se abra la próxima edición, recibirá una invitación con un enlace personal para responder por su ciudad.
    2. Una vez al año la secretaría pide a cada miembro que confirme sus contactos.
    3. La página de su ciudad en la plataforma: { $link }

    La secretaría
declined-mail-subject = Su solicitud de adhesión: { $city }
declined-mail-body = Por ahora no podemos aceptar la solicitud de adhesión de { $city } a la comunidad. La secretaría da este motivo:

    { $reason }
remind-preview-heading = Recordar a las ciudades antes de enviar
remind-preview-intro = Estas ciudades aún pueden responder. Las ciudades en silencio (sin ninguna respuesta) están marcadas; marque o desmarque las que quiera y envíe. Cada persona recibe su propio enlace.
remind-preview-cities = Ciudades a las que recordar
remind-preview-send = Enviar los recordatorios
remind-preview-nobody = Todas las ciudades invitadas enviaron sus respuestas: no hay nadie a quien recordar.

## Una edición nueva creada en la web
new-edition-heading = Nueva edición
new-edition-intro = Una edición nueva empieza en preparación como copia de una anterior: sus ejes (y cómo corresponden a los seis ejes del estudio), sus preguntas y su cuestionario. Cada pregunta copiada apunta a aquella de la que se copió, para que las tendencias la sigan. Cambie el cuestionario después.
new-edition-refused = La edición no se creó:
new-edition-copy-from = Copiar el marco y el cuestionario de
new-edition-year = Año
new-edition-focus-holistic = Los seis ejes
new-edition-title-es = Título en español
new-edition-title-en = Título en inglés
new-edition-title-fr = Título en francés
new-edition-call = Convocatoria de participación (opcional)
new-edition-deadline = Plazo de entrega de los cuestionarios (opcional)
new-edition-create = Crear la edición
new-edition-year-invalid = Año: indique un año de cuatro cifras, como 2027.
new-edition-year-taken = Año: ya existe una edición { $year }.
new-edition-copy-unknown = Copia: elija una edición que copiar.
new-edition-focus-invalid = Enfoque: elija los seis ejes o uno de ellos.
new-edition-title-missing = Título en { $language }: falta.
new-edition-title-invalid = Título en { $language }: como máximo { $max } caracteres, sin caracteres de control.
new-edition-date-invalid = Fechas: escríbalas como AAAA-MM-DD.
new-edition-deadline-before-call = Fechas: el plazo debe terminar después de la convocatoria.
new-edition-copied-note = copiado de la edición de
remind-preview-failing = El correo a esta dirección está fallando
editor-kind-integer = Número entero
editor-kind-decimal = Número con decimales
editor-kind-text = Texto
editor-kind-date = Fecha
editor-kind-file = Archivo (documento)
editor-kind-image = Foto
editor-kind-yes-no = Sí o no
editor-kind-scale = Escala ({ $list })
editor-kind-one-of = Una opción de una lista ({ $list })
editor-kind-several-of = Varias opciones de una lista ({ $list })

## Campaign mail: texts per language, scheduled reminders, prospects
campaign-mail-invitation-subject = Estudio de Ciudades Inteligentes — { $city } está invitada a responder «{ $edition }»
campaign-mail-invitation-intro = Su ciudad, { $city }, está invitada a responder el cuestionario de «{ $edition }». Las respuestas se reciben hasta el { $deadline }.
campaign-mail-invitation-action = Abra este enlace para elegir su contraseña y empezar:
campaign-mail-reminder-subject = Estudio de Ciudades Inteligentes — recordatorio: { $city }
campaign-mail-reminder-intro = Las respuestas de { $city } a «{ $edition }» aún no se han enviado. Las respuestas se reciben hasta el { $deadline }.
campaign-mail-reminder-action = Puede continuar donde lo dejó:
campaign-mail-no-deadline = el plazo que anunciará la secretaría
campaign-mail-other-languages = El mismo enlace en otro idioma:
campaign-collection-closed-subject = Estudio de Ciudades Inteligentes — respuestas cerradas: «{ $edition }»
campaign-collection-closed-body = «{ $edition }» ya no recibe respuestas: la secretaría cerró el cuestionario. Las respuestas guardadas se conservan.
campaign-collection-deadline-subject = Estudio de Ciudades Inteligentes — plazo para { $city }
campaign-collection-deadline-body = «{ $edition }» recibe las respuestas de { $city } hasta el { $deadline } (incluido).
campaign-texts-link = Textos de los correos y recordatorios programados
campaign-texts-heading = Correos de la campaña
campaign-texts-intro = Cada persona recibe la invitación y los recordatorios en su idioma —el que eligió o, si no, el idioma del estudio de su país— con el mismo enlace ofrecido en los otros dos idiomas.
campaign-texts-placeholders = Marcadores: { "{city}" } el nombre de la ciudad, { "{edition}" } el título de la edición, { "{deadline}" } el último día de la ciudad, { "{link}" } el enlace propio de la persona, que todo texto debe conservar.
campaign-texts-invitation = Invitación
campaign-texts-reminder = Recordatorio
campaign-text-subject = asunto
campaign-text-body = texto
campaign-texts-built-in = Texto incorporado
campaign-texts-written = Escrito por { $by } el { $date }
campaign-texts-save = Guardar este texto
campaign-texts-reset = Usar el texto incorporado
campaign-texts-saved = El texto se guardó.
campaign-text-subject-missing = El correo necesita un asunto.
campaign-text-too-long = El { $field } es demasiado largo: como máximo { $max } caracteres.
campaign-text-link-missing = El texto debe conservar { "{link}" }: sin él la persona no tiene cómo entrar.
campaign-text-unknown-placeholder = { $placeholder } no es un marcador que el correo pueda rellenar: use { "{city}" }, { "{edition}" }, { "{deadline}" } o { "{link}" }.
campaign-schedule-heading = Recordatorios programados
campaign-schedule-intro = Un recordatorio programado sale a las 08:00 UTC, tantos días antes del plazo, a cada ciudad que no ha enviado sus respuestas, una sola vez, sea cual sea el servidor que lo envíe. Mover el plazo mueve los recordatorios pendientes; cerrar el cuestionario los detiene.
campaign-schedule-days = Días antes del plazo
campaign-schedule-hint = Por ejemplo 30, 14, 3. Déjelo vacío para detenerlos.
campaign-schedule-save = Programar los recordatorios
campaign-schedule-none = No hay ningún recordatorio programado.
campaign-schedule-due = { $days ->
    [one] { $days } día antes del plazo: { $date }
   *[other] { $days } días antes del plazo: { $date }
}
campaign-schedule-sent = enviado
campaign-schedule-pending = pendiente
campaign-schedule-saved = Los recordatorios están programados.
campaign-schedule-no-deadline = Los recordatorios se programan antes del plazo, y esta edición aún no tiene: ábrala a las respuestas con un plazo primero.
campaign-schedule-bad-days = «{ $typed }» no es un número de días de 1 a 365 (seis recordatorios como máximo).
campaign-mail-in = correo en { $language }
prospect-link = Invitar a ciudades más allá de las miembros
prospect-heading = Invitar a ciudades más allá de las miembros
prospect-intro = El estudio busca la participación más amplia: invite a una ciudad del registro que no es miembro, o a una ciudad nueva buscada por su nombre entre los lugares de GeoNames de más de 15 000 habitantes. La ciudad responde como una miembro y cuenta en la participación de la edición.
prospect-registry = Una ciudad del registro
prospect-registry-none = Todas las ciudades del registro son miembros o ya están invitadas.
prospect-city = Ciudad
prospect-search = Una ciudad nueva, buscada por su nombre
prospect-search-name = Nombre de la ciudad
prospect-search-button = Buscar
prospect-place = Lugar
prospect-places-none = Ningún lugar con ese nombre entre los lugares de GeoNames de más de 15 000 habitantes.
prospect-place-line = { $name }, { $country } — { $population } habitantes
prospect-contact = La persona que responderá
prospect-contact-name = Nombre
prospect-contact-email = Correo electrónico
prospect-contact-lang = Idioma de su correo
prospect-invite = Invitar a esta ciudad
prospect-invited = { $city } está invitada: se envió un correo a la persona que responderá.
prospect-name-missing = Indique el nombre de la persona que responderá (200 caracteres como máximo).
prospect-address-invalid = Esta no es una dirección de correo electrónico.
prospect-address-taken = Esta dirección ya responde por otra ciudad o pertenece al personal.
prospect-already-invited = { $city } ya está invitada a esta edición.
editor-preview = Como la verán quienes responden
editor-preview-intro = La pregunta en cada idioma tal como la lee quien responde por una ciudad; un idioma sin texto propio muestra otro, marcado. La etiqueta y la ayuda siguen lo que escribe; el resto sigue cada guardado.
me-mail-language = Los correos del estudio
me-mail-language-label = Idioma de los correos que recibe
me-mail-language-save = Guardar
me-mail-language-saved = Sus correos se escribirán en este idioma.
publication-sheet-mail-subject = Estudio de Ciudades Inteligentes — { $city }: los resultados de «{ $edition }»
publication-sheet-mail-body = Los resultados de «{ $edition }» están publicados. La ficha de { $city }, en la web y en PDF:
publication-sheet-mail-other-languages = La ficha en otro idioma:
review-mail-returned-subject = Estudio de Ciudades Inteligentes — { $city }: respuestas devueltas con comentarios
review-mail-returned-body = La secretaría devolvió las respuestas de { $city } a «{ $edition }» con comentarios. Revíselos, corrija lo necesario y vuelva a enviarlas:
review-mail-accepted-subject = Estudio de Ciudades Inteligentes — { $city }: respuestas aceptadas
review-mail-accepted-body = La secretaría aceptó las respuestas de { $city } a «{ $edition }»: formarán parte del análisis. Gracias.
figures-refused = { $count ->
    [one] No se importó nada: el archivo tiene un problema.
   *[other] No se importó nada: el archivo tiene { $count } problemas.
}
figures-more-problems = { $count ->
    [one] …y un problema más.
   *[other] …y { $count } problemas más.
}
figure-problem-at = Línea { $line }, columna { $column } ({ $name }): { $what }
figure-problem-at-line = Línea { $line }: { $what }
figure-problem-unknown-column = «{ $name }» no es una columna de un archivo de cifras.
figure-problem-missing-column = falta la columna «{ $name }».
figure-problem-duplicate = este código ya aparece en la línea { $first }.
figure-problem-not-csv = no es un archivo CSV.
figure-problem-empty = esta celda no puede estar vacía.
figure-problem-bad-code = un código lleva minúsculas, cifras y «_» (60 como máximo).
figure-problem-bad-axis = no es uno de los seis ejes (economy, citizenship, governance, mobility, environment, quality_of_life).
figure-problem-bad-language = el idioma original es es, en o fr.
figure-problem-original-label-missing = la etiqueta en el idioma original está vacía.
figure-problem-bad-kind = el tipo es share, count o value.
figure-problem-bad-number = no es un número (escriba los decimales con punto).
figure-problem-share-out-of-range = una proporción es un porcentaje de 0 a 100.
figure-problem-not-a-count = un recuento es un número entero.
figure-problem-unit-missing = un valor necesita su unidad.
figure-problem-bad-whole = se espera un número entero a partir de 1.
figure-problem-bad-flag = se espera yes o no.
figure-problem-too-long = la celda es demasiado larga (500 caracteres como máximo).
figure-problem-too-many = el archivo tiene demasiadas filas (2000 cifras como máximo).
figures-not-text = El archivo no es texto: guárdelo como CSV en UTF-8.
history-too-large = El archivo es demasiado grande: { $size } como máximo.
history-not-pdf = Un informe se adjunta como archivo PDF.
history-heading = Tal como lo publicó el informe
history-intro = Cifras que publicó el informe de la edición, cada una con su página. Se basan en las ciudades que respondieron a esa edición, que cambian de una edición a otra.
history-source = Tal como se publicó en { $document }
history-source-page = Tal como se publicó en { $document }, p. { $page }
history-base = { $cities ->
    [one] base: { $cities } ciudad que respondió
   *[other] base: { $cities } ciudades que respondieron
}
history-other-figures = Otras cifras
history-illustrative = ilustrativa
history-reports = El informe
history-manage = Las cifras publicadas y el informe de la edición
history-import-heading = Importar cifras desde un archivo CSV
history-import-intro = Una cifra por línea. Una proporción es un porcentaje de 0 a 100 tal como lo imprime el informe; un valor necesita su unidad. Un código ya importado se corrige y se conserva lo que decía antes. Un archivo con algún problema se rechaza entero, cada problema señalado por línea y columna.
history-figures-file = Archivo de cifras (CSV, UTF-8)
history-at-most = Como máximo { $size }.
history-import = Importar las cifras
history-imported = Cifras importadas — nuevas: { $new } · corregidas: { $corrected } · sin cambios: { $same }.
history-report-heading = Adjuntar un informe
history-report-file = Informe (PDF)
history-attach = Adjuntar el informe
history-report-attached = El informe { $name } está adjunto.
history-question = Corresponde a la pregunta
history-corrected = { $count ->
    [one] corregida una vez
   *[other] corregida { $count } veces
}
history-none = Aún no se ha importado ninguna cifra de esta edición.
history-source-link = la fuente
history-trends-heading = Cifras que publicaron informes anteriores sobre las mismas preguntas
history-trends-caution = Cada cifra se basa en las ciudades que respondieron a su propia edición, y las ciudades cambian de una edición a otra: las dos cifras se muestran una junto a otra, no como un cambio medido en las mismas ciudades.
history-one-heading = Añadir o corregir una cifra
history-one-intro = Un código ya registrado se corrige y se conserva lo que decía antes.
history-field-code = Código (minúsculas, cifras y «_»)
history-field-original = Idioma en que está escrita
history-field-label = Qué mide
history-field-axis = Eje
history-field-kind = Tipo
history-kind-share = Proporción de ciudades (%)
history-kind-count = Recuento
history-kind-value = Valor con unidad
history-field-value = Número, tal como lo da el informe (decimales con punto)
history-field-unit = Unidad (para un valor)
history-field-base = Ciudades que respondieron en que se basa
history-field-question = Pregunta de una edición posterior a la que corresponde (código)
history-field-document = Publicada en (título o dirección del informe)
history-field-page = Página
history-save-figure = Guardar la cifra
figure-problem-field = { $name }: { $what }
pub-data-past-figures = Cifras que publicaron los informes de ediciones anteriores, cada una con su fuente y página, las ciudades que respondieron en que se basa y si es ilustrativa. Se basan en otros conjuntos de ciudades que los de esta edición.
history-illustrative-source = Inventada para la demostración: ningún informe publicó esta cifra.
