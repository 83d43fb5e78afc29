//! The poster's own words in the map's language (SPEC §2.1): row labels
//! and questions, panel titles, the legend, DRAFT and Validated, "not
//! answered", dates. `lang` picks a built-in table; `[labels]` overrides
//! any entry by its key, in any language.
//!
//! Templates hold `{name}` placeholders, filled by [`Labels::fill`].

/// A language the poster speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Dutch.
    Nl,
    /// Polish.
    Pl,
    /// Swedish.
    Sv,
}

impl Lang {
    /// Every built-in language.
    pub const ALL: [Lang; 7] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Nl, Lang::Pl, Lang::Sv];

    /// The BCP 47 primary subtag, e.g. `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Nl => "nl",
            Lang::Pl => "pl",
            Lang::Sv => "sv",
        }
    }

    /// The language of a BCP 47 tag (`de`, `de-AT`, `en_GB`), if built in.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::De => DE,
            Lang::Fr => FR,
            Lang::Es => ES,
            Lang::Nl => NL,
            Lang::Pl => PL,
            Lang::Sv => SV,
        }
    }
}

/// The labels of one poster: a language's table with the map's overrides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels {
    lang: Lang,
    overrides: Vec<(String, String)>,
}

impl Labels {
    /// The labels of `lang` with `overrides` (key, text) on top.
    pub fn new(lang: Lang, overrides: Vec<(String, String)>) -> Labels {
        Labels { lang, overrides }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The label for `key`: the map's override, the language's text, or
    /// the English text (every key is in English).
    pub fn get(&self, key: &str) -> &str {
        if let Some((_, v)) = self.overrides.iter().find(|(k, _)| k == key) {
            return v;
        }
        let find =
            |table: &'static [(&'static str, &'static str)]| table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        find(self.lang.table()).or_else(|| find(EN)).unwrap_or("")
    }

    /// The label for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// A date in the language's style, e.g. "22 November 2026",
    /// "22. November 2026", "22 listopada 2026".
    pub fn date(&self, date: crate::model::Date) -> String {
        let months: Vec<&str> = self.get("months").split('|').collect();
        let month = months.get(usize::from(date.month).saturating_sub(1)).copied().unwrap_or("");
        self.fill("date", &[("day", &date.day.to_string()), ("month", month), ("year", &date.year.to_string())])
    }
}

/// The sign the would-pay badge shows for a `currency` value: an ISO 4217
/// code's sign (`EUR` → `€`, `SEK` → `kr`), or the value itself when it is
/// a short sign of at most 3 characters. `None` for anything longer.
pub fn currency_sign(currency: &str) -> Option<String> {
    let sign = match currency.to_ascii_uppercase().as_str() {
        "EUR" => "€",
        "USD" | "CAD" | "AUD" | "NZD" | "MXN" => "$",
        "GBP" => "£",
        "JPY" | "CNY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "CHF" => "Fr",
        "SEK" | "NOK" | "DKK" | "ISK" => "kr",
        "PLN" => "zł",
        "CZK" => "Kč",
        "BRL" => "R$",
        _ if !currency.is_empty() && currency.chars().count() <= 3 && !currency.chars().any(char::is_whitespace) => {
            currency
        }
        _ => return None,
    };
    Some(sign.to_owned())
}

/// Every label key, in the English table's order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    EN.iter().map(|(k, _)| *k)
}

static EN: &[(&str, &str)] = &[
    ("stage", "Stage"),
    ("doing", "Doing"),
    ("doing_question", "What are customers doing?"),
    ("motivation", "Motivation"),
    ("motivation_question", "What moves them to the next stage?"),
    ("concerns", "Concerns"),
    ("concerns_question", "What worries or stops them?"),
    ("alleviation", "Alleviation"),
    ("alleviation_question", "What would ease those concerns?"),
    ("effort", "Effort"),
    ("effort_question", "How hard is it to move on? 1–5"),
    ("effort_level", "{n} of 5"),
    ("not_answered", "— not answered"),
    ("touchpoints", "Touchpoints"),
    ("touchpoints_question", "Every interaction, marked by the team"),
    ("no_touchpoints", "— no touchpoints listed"),
    ("not_assessed", "not assessed"),
    ("with_actors", "With {actors}"),
    ("feeling", "Feeling"),
    ("feeling_question", "The customer's score per touchpoint, 1–5"),
    ("health", "Stage health"),
    ("health_question", "Pains left, strengths right; an essential pain counts twice"),
    ("balance", "balance {n}"),
    ("weakest_stage", "Weakest stage"),
    ("strongest_stage", "Strongest stage"),
    ("weakest_tab", "WEAKEST"),
    ("strongest_tab", "STRONGEST"),
    ("weakest_named", "Weakest stage: {stage} (balance {n})."),
    ("strongest_named", "Strongest stage: {stage} (balance {n})."),
    ("priorities", "Priorities: what to do first"),
    (
        "priorities_intro",
        "Ranked by the marks: fix essential pain points first, then other pains; protect essential strengths; moments of truth and the lowest scores lead each class.",
    ),
    ("owner", "Owner: {owner}"),
    ("no_action", "— no action agreed yet"),
    ("more", "+ {n} more touchpoints in priority order: run `journeymap priorities` on the map for the whole list"),
    ("owner_priorities", "{owner}'s priorities: {list}."),
    ("none_listed", "none in this list"),
    ("fix", "Fix"),
    ("improve", "Improve"),
    ("protect", "Protect"),
    ("monetise", "Monetise"),
    ("maintain", "Maintain"),
    ("unassessed", "Unassessed"),
    ("legend_essential", "Essential to the customer"),
    ("legend_strength", "Strength: performed really well"),
    ("legend_pain", "Pain point for the customer"),
    ("legend_would_pay", "Customers would pay for it"),
    ("legend_moment_of_truth", "Moment of truth (star and heavy outline): matters most"),
    ("legend_feeling", "Customer feeling, 1 (very negative) to 5 (very positive)"),
    ("legend_effort", "Effort to move on, 1 (none) to 5 (very high)"),
    ("legend_rank", "Rank among the priorities"),
    ("persona", "Persona: {persona}"),
    ("team", "Team: {team}"),
    ("version", "Version {version}"),
    ("draft", "DRAFT"),
    ("draft_note", "Not yet validated by the team"),
    ("validated", "Validated"),
    ("validated_note", "by the team"),
    ("draft_footer", "DRAFT — not yet validated by the team"),
    ("sources", "Sources: {sources}"),
    ("no_sources", "Sources: none recorded"),
    ("credit", "Made with journeymap"),
    ("department", "Department view: {owner}. Their touchpoints at full strength, the others muted."),
    ("date", "{day} {month} {year}"),
    ("months", "January|February|March|April|May|June|July|August|September|October|November|December"),
];

static DE: &[(&str, &str)] = &[
    ("stage", "Phase"),
    ("doing", "Tun"),
    ("doing_question", "Was tun die Kunden?"),
    ("motivation", "Motivation"),
    ("motivation_question", "Was bringt sie zur nächsten Phase?"),
    ("concerns", "Bedenken"),
    ("concerns_question", "Was beunruhigt oder hindert sie?"),
    ("alleviation", "Abhilfe"),
    ("alleviation_question", "Was würde die Bedenken ausräumen?"),
    ("effort", "Aufwand"),
    ("effort_question", "Wie schwer ist der nächste Schritt? 1–5"),
    ("effort_level", "{n} von 5"),
    ("not_answered", "— nicht beantwortet"),
    ("touchpoints", "Kontaktpunkte"),
    ("touchpoints_question", "Jede Interaktion, vom Team bewertet"),
    ("no_touchpoints", "— keine Kontaktpunkte"),
    ("not_assessed", "nicht bewertet"),
    ("with_actors", "Mit {actors}"),
    ("feeling", "Gefühl"),
    ("feeling_question", "Bewertung der Kunden je Kontaktpunkt, 1–5"),
    ("health", "Zustand der Phasen"),
    ("health_question", "Schmerzpunkte links, Stärken rechts; ein wesentlicher zählt doppelt"),
    ("balance", "Bilanz {n}"),
    ("weakest_stage", "Schwächste Phase"),
    ("strongest_stage", "Stärkste Phase"),
    ("weakest_tab", "SCHWÄCHSTE"),
    ("strongest_tab", "STÄRKSTE"),
    ("weakest_named", "Schwächste Phase: {stage} (Bilanz {n})."),
    ("strongest_named", "Stärkste Phase: {stage} (Bilanz {n})."),
    ("priorities", "Prioritäten: was zuerst zu tun ist"),
    (
        "priorities_intro",
        "Nach den Markierungen geordnet: zuerst wesentliche Schmerzpunkte beheben, dann die übrigen; wesentliche Stärken schützen; Momente der Wahrheit und die niedrigsten Bewertungen zuerst.",
    ),
    ("owner", "Verantwortlich: {owner}"),
    ("no_action", "— noch keine Maßnahme vereinbart"),
    ("more", "+ {n} weitere Kontaktpunkte nach Priorität: `journeymap priorities` zeigt die ganze Liste"),
    ("owner_priorities", "Prioritäten von {owner}: {list}."),
    ("none_listed", "keine in dieser Liste"),
    ("fix", "Beheben"),
    ("improve", "Verbessern"),
    ("protect", "Schützen"),
    ("monetise", "Monetarisieren"),
    ("maintain", "Beibehalten"),
    ("unassessed", "Unbewertet"),
    ("legend_essential", "Wesentlich für die Kunden"),
    ("legend_strength", "Stärke: sehr gut umgesetzt"),
    ("legend_pain", "Schmerzpunkt für die Kunden"),
    ("legend_would_pay", "Kunden würden dafür zahlen"),
    ("legend_moment_of_truth", "Moment der Wahrheit (Stern und starker Rahmen): zählt am meisten"),
    ("legend_feeling", "Gefühl der Kunden, 1 (sehr negativ) bis 5 (sehr positiv)"),
    ("legend_effort", "Aufwand für den nächsten Schritt, 1 (keiner) bis 5 (sehr hoch)"),
    ("legend_rank", "Rang in den Prioritäten"),
    ("persona", "Persona: {persona}"),
    ("team", "Team: {team}"),
    ("version", "Version {version}"),
    ("draft", "ENTWURF"),
    ("draft_note", "Noch nicht vom Team bestätigt"),
    ("validated", "Bestätigt"),
    ("validated_note", "vom Team"),
    ("draft_footer", "ENTWURF — noch nicht vom Team bestätigt"),
    ("sources", "Quellen: {sources}"),
    ("no_sources", "Quellen: keine angegeben"),
    ("credit", "Erstellt mit journeymap"),
    ("department", "Ansicht für {owner}: deren Kontaktpunkte voll, die übrigen gedämpft."),
    ("date", "{day}. {month} {year}"),
    ("months", "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"),
];

static FR: &[(&str, &str)] = &[
    ("stage", "Étape"),
    ("doing", "Actions"),
    ("doing_question", "Que font les clients ?"),
    ("motivation", "Motivation"),
    ("motivation_question", "Qu'est-ce qui les mène à l'étape suivante ?"),
    ("concerns", "Inquiétudes"),
    ("concerns_question", "Qu'est-ce qui les inquiète ou les arrête ?"),
    ("alleviation", "Réponses"),
    ("alleviation_question", "Qu'est-ce qui lèverait ces inquiétudes ?"),
    ("effort", "Effort"),
    ("effort_question", "Est-il difficile d'avancer ? 1–5"),
    ("effort_level", "{n} sur 5"),
    ("not_answered", "— sans réponse"),
    ("touchpoints", "Points de contact"),
    ("touchpoints_question", "Chaque interaction, évaluée par l'équipe"),
    ("no_touchpoints", "— aucun point de contact"),
    ("not_assessed", "non évalué"),
    ("with_actors", "Avec {actors}"),
    ("feeling", "Ressenti"),
    ("feeling_question", "La note du client par point de contact, 1–5"),
    ("health", "Santé des étapes"),
    ("health_question", "Irritants à gauche, forces à droite ; un irritant essentiel compte double"),
    ("balance", "bilan {n}"),
    ("weakest_stage", "Étape la plus faible"),
    ("strongest_stage", "Étape la plus forte"),
    ("weakest_tab", "LA PLUS FAIBLE"),
    ("strongest_tab", "LA PLUS FORTE"),
    ("weakest_named", "Étape la plus faible : {stage} (bilan {n})."),
    ("strongest_named", "Étape la plus forte : {stage} (bilan {n})."),
    ("priorities", "Priorités : par quoi commencer"),
    (
        "priorities_intro",
        "Classées selon les marques : corriger d'abord les irritants essentiels, puis les autres ; protéger les forces essentielles ; moments de vérité et notes les plus basses en tête.",
    ),
    ("owner", "Responsable : {owner}"),
    ("no_action", "— aucune action convenue"),
    ("more", "+ {n} autres points de contact par priorité : `journeymap priorities` donne la liste complète"),
    ("owner_priorities", "Priorités de {owner} : {list}."),
    ("none_listed", "aucune dans cette liste"),
    ("fix", "Corriger"),
    ("improve", "Améliorer"),
    ("protect", "Protéger"),
    ("monetise", "Monétiser"),
    ("maintain", "Maintenir"),
    ("unassessed", "Non évalué"),
    ("legend_essential", "Essentiel pour le client"),
    ("legend_strength", "Force : très bien réalisé"),
    ("legend_pain", "Irritant pour le client"),
    ("legend_would_pay", "Les clients paieraient pour cela"),
    ("legend_moment_of_truth", "Moment de vérité (étoile et cadre épais) : ce qui compte le plus"),
    ("legend_feeling", "Ressenti du client, de 1 (très négatif) à 5 (très positif)"),
    ("legend_effort", "Effort pour avancer, de 1 (aucun) à 5 (très élevé)"),
    ("legend_rank", "Rang parmi les priorités"),
    ("persona", "Persona : {persona}"),
    ("team", "Équipe : {team}"),
    ("version", "Version {version}"),
    ("draft", "BROUILLON"),
    ("draft_note", "Pas encore validé par l'équipe"),
    ("validated", "Validé"),
    ("validated_note", "par l'équipe"),
    ("draft_footer", "BROUILLON — pas encore validé par l'équipe"),
    ("sources", "Sources : {sources}"),
    ("no_sources", "Sources : aucune indiquée"),
    ("credit", "Réalisé avec journeymap"),
    ("department", "Vue pour {owner} : ses points de contact en clair, les autres estompés."),
    ("date", "{day} {month} {year}"),
    ("months", "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"),
];

static ES: &[(&str, &str)] = &[
    ("stage", "Etapa"),
    ("doing", "Acciones"),
    ("doing_question", "¿Qué hacen los clientes?"),
    ("motivation", "Motivación"),
    ("motivation_question", "¿Qué los lleva a la siguiente etapa?"),
    ("concerns", "Inquietudes"),
    ("concerns_question", "¿Qué les preocupa o los detiene?"),
    ("alleviation", "Alivio"),
    ("alleviation_question", "¿Qué aliviaría esas inquietudes?"),
    ("effort", "Esfuerzo"),
    ("effort_question", "¿Cuánto cuesta avanzar? 1–5"),
    ("effort_level", "{n} de 5"),
    ("not_answered", "— sin respuesta"),
    ("touchpoints", "Puntos de contacto"),
    ("touchpoints_question", "Cada interacción, valorada por el equipo"),
    ("no_touchpoints", "— ningún punto de contacto"),
    ("not_assessed", "sin valorar"),
    ("with_actors", "Con {actors}"),
    ("feeling", "Sentimiento"),
    ("feeling_question", "La nota del cliente por punto de contacto, 1–5"),
    ("health", "Salud de las etapas"),
    ("health_question", "Puntos de dolor a la izquierda, fortalezas a la derecha; uno esencial cuenta doble"),
    ("balance", "balance {n}"),
    ("weakest_stage", "Etapa más débil"),
    ("strongest_stage", "Etapa más fuerte"),
    ("weakest_tab", "MÁS DÉBIL"),
    ("strongest_tab", "MÁS FUERTE"),
    ("weakest_named", "Etapa más débil: {stage} (balance {n})."),
    ("strongest_named", "Etapa más fuerte: {stage} (balance {n})."),
    ("priorities", "Prioridades: qué hacer primero"),
    (
        "priorities_intro",
        "Ordenadas por las marcas: primero corregir los puntos de dolor esenciales, luego los demás; proteger las fortalezas esenciales; los momentos de la verdad y las notas más bajas encabezan cada clase.",
    ),
    ("owner", "Responsable: {owner}"),
    ("no_action", "— aún sin acción acordada"),
    ("more", "+ {n} puntos de contacto más por prioridad: `journeymap priorities` muestra la lista completa"),
    ("owner_priorities", "Prioridades de {owner}: {list}."),
    ("none_listed", "ninguna en esta lista"),
    ("fix", "Corregir"),
    ("improve", "Mejorar"),
    ("protect", "Proteger"),
    ("monetise", "Monetizar"),
    ("maintain", "Mantener"),
    ("unassessed", "Sin valorar"),
    ("legend_essential", "Esencial para el cliente"),
    ("legend_strength", "Fortaleza: muy bien resuelto"),
    ("legend_pain", "Punto de dolor para el cliente"),
    ("legend_would_pay", "Los clientes pagarían por ello"),
    ("legend_moment_of_truth", "Momento de la verdad (estrella y borde grueso): lo que más cuenta"),
    ("legend_feeling", "Sentimiento del cliente, de 1 (muy negativo) a 5 (muy positivo)"),
    ("legend_effort", "Esfuerzo para avanzar, de 1 (ninguno) a 5 (muy alto)"),
    ("legend_rank", "Puesto entre las prioridades"),
    ("persona", "Persona: {persona}"),
    ("team", "Equipo: {team}"),
    ("version", "Versión {version}"),
    ("draft", "BORRADOR"),
    ("draft_note", "Aún no validado por el equipo"),
    ("validated", "Validado"),
    ("validated_note", "por el equipo"),
    ("draft_footer", "BORRADOR — aún no validado por el equipo"),
    ("sources", "Fuentes: {sources}"),
    ("no_sources", "Fuentes: ninguna indicada"),
    ("credit", "Hecho con journeymap"),
    ("department", "Vista de {owner}: sus puntos de contacto destacados, los demás atenuados."),
    ("date", "{day} de {month} de {year}"),
    ("months", "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"),
];

static NL: &[(&str, &str)] = &[
    ("stage", "Fase"),
    ("doing", "Doen"),
    ("doing_question", "Wat doen klanten?"),
    ("motivation", "Motivatie"),
    ("motivation_question", "Wat brengt ze naar de volgende fase?"),
    ("concerns", "Zorgen"),
    ("concerns_question", "Wat baart ze zorgen of houdt ze tegen?"),
    ("alleviation", "Verlichting"),
    ("alleviation_question", "Wat zou die zorgen wegnemen?"),
    ("effort", "Moeite"),
    ("effort_question", "Hoe moeilijk is de volgende stap? 1–5"),
    ("effort_level", "{n} van 5"),
    ("not_answered", "— niet beantwoord"),
    ("touchpoints", "Contactmomenten"),
    ("touchpoints_question", "Elke interactie, beoordeeld door het team"),
    ("no_touchpoints", "— geen contactmomenten"),
    ("not_assessed", "niet beoordeeld"),
    ("with_actors", "Met {actors}"),
    ("feeling", "Gevoel"),
    ("feeling_question", "Het cijfer van de klant per contactmoment, 1–5"),
    ("health", "Gezondheid per fase"),
    ("health_question", "Pijnpunten links, sterke punten rechts; een essentieel pijnpunt telt dubbel"),
    ("balance", "saldo {n}"),
    ("weakest_stage", "Zwakste fase"),
    ("strongest_stage", "Sterkste fase"),
    ("weakest_tab", "ZWAKSTE"),
    ("strongest_tab", "STERKSTE"),
    ("weakest_named", "Zwakste fase: {stage} (saldo {n})."),
    ("strongest_named", "Sterkste fase: {stage} (saldo {n})."),
    ("priorities", "Prioriteiten: wat eerst"),
    (
        "priorities_intro",
        "Gerangschikt naar de markeringen: eerst essentiële pijnpunten oplossen, dan de overige; essentiële sterke punten beschermen; momenten van de waarheid en de laagste cijfers gaan voor.",
    ),
    ("owner", "Eigenaar: {owner}"),
    ("no_action", "— nog geen actie afgesproken"),
    ("more", "+ {n} contactmomenten meer op prioriteit: `journeymap priorities` geeft de hele lijst"),
    ("owner_priorities", "Prioriteiten van {owner}: {list}."),
    ("none_listed", "geen in deze lijst"),
    ("fix", "Oplossen"),
    ("improve", "Verbeteren"),
    ("protect", "Beschermen"),
    ("monetise", "Te gelde maken"),
    ("maintain", "Behouden"),
    ("unassessed", "Niet beoordeeld"),
    ("legend_essential", "Essentieel voor de klant"),
    ("legend_strength", "Sterk punt: heel goed uitgevoerd"),
    ("legend_pain", "Pijnpunt voor de klant"),
    ("legend_would_pay", "Klanten zouden ervoor betalen"),
    ("legend_moment_of_truth", "Moment van de waarheid (ster en dikke rand): telt het zwaarst"),
    ("legend_feeling", "Gevoel van de klant, 1 (zeer negatief) tot 5 (zeer positief)"),
    ("legend_effort", "Moeite voor de volgende stap, 1 (geen) tot 5 (zeer hoog)"),
    ("legend_rank", "Plaats in de prioriteiten"),
    ("persona", "Persona: {persona}"),
    ("team", "Team: {team}"),
    ("version", "Versie {version}"),
    ("draft", "CONCEPT"),
    ("draft_note", "Nog niet bevestigd door het team"),
    ("validated", "Bevestigd"),
    ("validated_note", "door het team"),
    ("draft_footer", "CONCEPT — nog niet bevestigd door het team"),
    ("sources", "Bronnen: {sources}"),
    ("no_sources", "Bronnen: geen vermeld"),
    ("credit", "Gemaakt met journeymap"),
    ("department", "Weergave voor {owner}: hun contactmomenten volledig, de rest gedempt."),
    ("date", "{day} {month} {year}"),
    ("months", "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"),
];

static PL: &[(&str, &str)] = &[
    ("stage", "Etap"),
    ("doing", "Działania"),
    ("doing_question", "Co robią klienci?"),
    ("motivation", "Motywacja"),
    ("motivation_question", "Co prowadzi ich do następnego etapu?"),
    ("concerns", "Obawy"),
    ("concerns_question", "Co ich niepokoi lub zatrzymuje?"),
    ("alleviation", "Ułatwienia"),
    ("alleviation_question", "Co rozwiałoby te obawy?"),
    ("effort", "Wysiłek"),
    ("effort_question", "Jak trudno przejść dalej? 1–5"),
    ("effort_level", "{n} z 5"),
    ("not_answered", "— brak odpowiedzi"),
    ("touchpoints", "Punkty styku"),
    ("touchpoints_question", "Każda interakcja, oceniona przez zespół"),
    ("no_touchpoints", "— brak punktów styku"),
    ("not_assessed", "nieocenione"),
    ("with_actors", "Z udziałem: {actors}"),
    ("feeling", "Odczucia"),
    ("feeling_question", "Ocena klienta dla punktu styku, 1–5"),
    ("health", "Kondycja etapów"),
    ("health_question", "Problemy po lewej, mocne strony po prawej; kluczowy problem liczy się podwójnie"),
    ("balance", "bilans {n}"),
    ("weakest_stage", "Najsłabszy etap"),
    ("strongest_stage", "Najmocniejszy etap"),
    ("weakest_tab", "NAJSŁABSZY"),
    ("strongest_tab", "NAJMOCNIEJSZY"),
    ("weakest_named", "Najsłabszy etap: {stage} (bilans {n})."),
    ("strongest_named", "Najmocniejszy etap: {stage} (bilans {n})."),
    ("priorities", "Priorytety: od czego zacząć"),
    (
        "priorities_intro",
        "Według oznaczeń: najpierw naprawić kluczowe problemy, potem pozostałe; chronić kluczowe mocne strony; momenty prawdy i najniższe oceny na początku.",
    ),
    ("owner", "Odpowiada: {owner}"),
    ("no_action", "— brak uzgodnionego działania"),
    ("more", "+ {n} kolejnych punktów styku według priorytetu: pełna lista w `journeymap priorities`"),
    ("owner_priorities", "Priorytety dla: {owner}: {list}."),
    ("none_listed", "brak na tej liście"),
    ("fix", "Naprawić"),
    ("improve", "Poprawić"),
    ("protect", "Chronić"),
    ("monetise", "Spieniężyć"),
    ("maintain", "Utrzymać"),
    ("unassessed", "Nieocenione"),
    ("legend_essential", "Kluczowe dla klienta"),
    ("legend_strength", "Mocna strona: wykonane bardzo dobrze"),
    ("legend_pain", "Problem dla klienta"),
    ("legend_would_pay", "Klienci zapłaciliby za to"),
    ("legend_moment_of_truth", "Moment prawdy (gwiazdka i gruba ramka): liczy się najbardziej"),
    ("legend_feeling", "Odczucia klienta, od 1 (bardzo negatywne) do 5 (bardzo pozytywne)"),
    ("legend_effort", "Wysiłek, by przejść dalej, od 1 (żaden) do 5 (bardzo duży)"),
    ("legend_rank", "Miejsce wśród priorytetów"),
    ("persona", "Persona: {persona}"),
    ("team", "Zespół: {team}"),
    ("version", "Wersja {version}"),
    ("draft", "SZKIC"),
    ("draft_note", "Jeszcze niezatwierdzone przez zespół"),
    ("validated", "Zatwierdzone"),
    ("validated_note", "przez zespół"),
    ("draft_footer", "SZKIC — jeszcze niezatwierdzone przez zespół"),
    ("sources", "Źródła: {sources}"),
    ("no_sources", "Źródła: brak"),
    ("credit", "Przygotowano w journeymap"),
    ("department", "Widok dla: {owner}. Ich punkty styku w pełni, pozostałe wyciszone."),
    ("date", "{day} {month} {year}"),
    ("months", "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"),
];

static SV: &[(&str, &str)] = &[
    ("stage", "Steg"),
    ("doing", "Gör"),
    ("doing_question", "Vad gör kunderna?"),
    ("motivation", "Motivation"),
    ("motivation_question", "Vad för dem till nästa steg?"),
    ("concerns", "Farhågor"),
    ("concerns_question", "Vad oroar eller stoppar dem?"),
    ("alleviation", "Lättnad"),
    ("alleviation_question", "Vad skulle lätta farhågorna?"),
    ("effort", "Ansträngning"),
    ("effort_question", "Hur svårt är nästa steg? 1–5"),
    ("effort_level", "{n} av 5"),
    ("not_answered", "— inte besvarad"),
    ("touchpoints", "Kontaktpunkter"),
    ("touchpoints_question", "Varje interaktion, bedömd av teamet"),
    ("no_touchpoints", "— inga kontaktpunkter"),
    ("not_assessed", "inte bedömd"),
    ("with_actors", "Med {actors}"),
    ("feeling", "Känsla"),
    ("feeling_question", "Kundens betyg per kontaktpunkt, 1–5"),
    ("health", "Stegens hälsa"),
    ("health_question", "Smärtpunkter till vänster, styrkor till höger; en väsentlig räknas dubbelt"),
    ("balance", "balans {n}"),
    ("weakest_stage", "Svagaste steget"),
    ("strongest_stage", "Starkaste steget"),
    ("weakest_tab", "SVAGAST"),
    ("strongest_tab", "STARKAST"),
    ("weakest_named", "Svagaste steget: {stage} (balans {n})."),
    ("strongest_named", "Starkaste steget: {stage} (balans {n})."),
    ("priorities", "Prioriteringar: vad först"),
    (
        "priorities_intro",
        "Ordnade efter markeringarna: åtgärda först väsentliga smärtpunkter, sedan övriga; skydda väsentliga styrkor; sanningens ögonblick och de lägsta betygen först.",
    ),
    ("owner", "Ansvarig: {owner}"),
    ("no_action", "— ingen åtgärd överenskommen"),
    ("more", "+ {n} fler kontaktpunkter i prioritetsordning: `journeymap priorities` ger hela listan"),
    ("owner_priorities", "Prioriteringar för {owner}: {list}."),
    ("none_listed", "inga i den här listan"),
    ("fix", "Åtgärda"),
    ("improve", "Förbättra"),
    ("protect", "Skydda"),
    ("monetise", "Tjäna pengar"),
    ("maintain", "Behåll"),
    ("unassessed", "Ej bedömd"),
    ("legend_essential", "Väsentlig för kunden"),
    ("legend_strength", "Styrka: mycket väl utfört"),
    ("legend_pain", "Smärtpunkt för kunden"),
    ("legend_would_pay", "Kunder skulle betala för det"),
    ("legend_moment_of_truth", "Sanningens ögonblick (stjärna och kraftig ram): betyder mest"),
    ("legend_feeling", "Kundens känsla, 1 (mycket negativ) till 5 (mycket positiv)"),
    ("legend_effort", "Ansträngning för nästa steg, 1 (ingen) till 5 (mycket hög)"),
    ("legend_rank", "Plats bland prioriteringarna"),
    ("persona", "Persona: {persona}"),
    ("team", "Team: {team}"),
    ("version", "Version {version}"),
    ("draft", "UTKAST"),
    ("draft_note", "Ännu inte godkänd av teamet"),
    ("validated", "Godkänd"),
    ("validated_note", "av teamet"),
    ("draft_footer", "UTKAST — ännu inte godkänd av teamet"),
    ("sources", "Källor: {sources}"),
    ("no_sources", "Källor: inga angivna"),
    ("credit", "Gjord med journeymap"),
    ("department", "Vy för {owner}: deras kontaktpunkter fullt synliga, övriga nedtonade."),
    ("date", "{day} {month} {year}"),
    ("months", "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_every_language_and_no_other() {
        let english: Vec<&str> = keys().collect();
        for lang in Lang::ALL {
            let keys: Vec<&str> = lang.table().iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, english, "{lang:?}");
            for (k, v) in lang.table() {
                assert!(!v.trim().is_empty(), "{lang:?} {k}");
            }
            assert_eq!(Labels::new(lang, vec![]).get("months").split('|').count(), 12, "{lang:?}");
        }
    }

    #[test]
    fn placeholders_survive_translation() {
        for (key, text) in EN {
            let holes: Vec<&str> = text.match_indices('{').map(|(i, _)| &text[i..]).collect();
            for lang in Lang::ALL {
                let other = Labels::new(lang, vec![]).get(key).to_owned();
                for hole in &holes {
                    let name = &hole[..hole.find('}').map_or(0, |i| i + 1)];
                    assert!(other.contains(name), "{lang:?} {key} lacks {name}: {other}");
                }
            }
        }
    }

    #[test]
    fn overrides_win_and_tags_pick_languages() {
        let labels = Labels::new(Lang::De, vec![("stage".into(), "Abschnitt".into())]);
        assert_eq!(labels.get("stage"), "Abschnitt");
        assert_eq!(labels.get("touchpoints"), "Kontaktpunkte");
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("pl_PL"), Some(Lang::Pl));
        assert_eq!(Lang::from_tag("ja"), None);
        let date = crate::model::Date { year: 2026, month: 11, day: 22 };
        assert_eq!(Labels::new(Lang::Pl, vec![]).date(date), "22 listopada 2026");
        assert_eq!(Labels::new(Lang::De, vec![]).date(date), "22. November 2026");
        assert_eq!(Labels::new(Lang::Es, vec![]).date(date), "22 de noviembre de 2026");
    }
}
