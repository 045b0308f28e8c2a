use smartcities_domain::{
    CityId, CityNames, Email, FocalPoint, Lang, Member, MemberStatus, Partner, PartnerKind, Written,
};

use crate::located::{Located, Problems, Row, Table};

/// Parses a member list: `city_id`, `status` (active, pending_renewal, lapsed), and optional
/// `since` (year joined), `focal_name`, `focal_role`, `focal_email`, `illustrative` (yes/no).
/// A city may take several rows, one per focal point; its status and year must then agree.
pub fn parse_members(file: &str, text: &str) -> Result<Vec<Member>, Problems> {
    let optional = ["since", "focal_name", "focal_role", "focal_email", "illustrative"];
    let mut table = Table::read(file, text, &["city_id", "status"], &optional);
    if !table.header_ok() {
        return table.into_result(Vec::new());
    }
    let mut members: Vec<(Member, u64)> = Vec::new();
    let mut problems: Vec<Located> = Vec::new();
    for row in table.rows() {
        let city = match row.get("city_id").map(CityId::parse) {
            Some(Ok(id)) => Some(id),
            Some(Err(e)) => {
                problems.push(row.problem("city_id", e.0));
                None
            }
            None => {
                problems.push(row.problem("city_id", "the city id is empty"));
                None
            }
        };
        let status = match MemberStatus::parse(row.get("status").unwrap_or("")) {
            Ok(s) => Some(s),
            Err(e) => {
                problems.push(row.problem("status", e.0));
                None
            }
        };
        let since = match row.get("since") {
            None => None,
            Some(text) => match text.parse::<i32>() {
                Ok(y) if (1990..=2100).contains(&y) => Some(y),
                _ => {
                    problems.push(row.problem("since", format!("{text:?} is not a year")));
                    None
                }
            },
        };
        let illustrative = match row.get("illustrative").map(str::to_ascii_lowercase).as_deref() {
            None | Some("no" | "false" | "0") => false,
            Some("yes" | "true" | "1") => true,
            Some(other) => {
                problems.push(row.problem("illustrative", format!("{other:?} should be yes or no")));
                false
            }
        };
        let focal = match (row.get("focal_name"), row.get("focal_role"), row.get("focal_email")) {
            (None, None, None) => None,
            (Some(name), role, Some(email)) => match Email::parse(email) {
                Ok(email) => {
                    Some(FocalPoint { name: name.to_string(), role: role.unwrap_or("").to_string(), email })
                }
                Err(e) => {
                    problems.push(row.problem("focal_email", e.0));
                    None
                }
            },
            (None, _, _) => {
                problems.push(row.problem("focal_name", "a focal point needs a name"));
                None
            }
            (Some(_), _, None) => {
                problems.push(row.problem("focal_email", "a focal point needs an e-mail address"));
                None
            }
        };
        let (Some(city), Some(status)) = (city, status) else { continue };
        if let Some((member, first)) = members.iter_mut().find(|(m, _)| m.city == city) {
            if member.status != status || member.since != since {
                problems.push(row.problem(
                    "status",
                    format!("{city} is already listed on line {first} with another status or year"),
                ));
            }
            member.focal_points.extend(focal);
        } else {
            let member =
                Member { city, status, since, focal_points: focal.into_iter().collect(), illustrative };
            members.push((member, row.line()));
        }
    }
    table.problems.extend(problems);
    table.into_result(members.into_iter().map(|(m, _)| m).collect())
}

/// Parses a partner list: `id`, `name`, `kind` (united_nations, city_network, research,
/// industry, other) and optional `link`.
pub fn parse_partners(file: &str, text: &str) -> Result<Vec<Partner>, Problems> {
    let mut table = Table::read(
        file,
        text,
        &["id", "name", "kind"],
        &[
            "link",
            "name_es",
            "name_fr",
            "original_language",
            "description_es",
            "description_en",
            "description_fr",
        ],
    );
    if !table.header_ok() {
        return table.into_result(Vec::new());
    }
    let mut partners: Vec<Partner> = Vec::new();
    let mut problems = Vec::new();
    for row in table.rows() {
        let kind = PartnerKind::parse(row.get("kind").unwrap_or(""))
            .map_err(|e| problems.push(row.problem("kind", e.0)))
            .ok();
        let id = row.get("id").filter(|id| {
            let valid = id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !valid {
                problems.push(row.problem("id", format!("partner id {id:?} may only use a-z, 0-9 and -")));
            }
            valid
        });
        if let Some(id) = id
            && partners.iter().any(|p| p.id == id)
        {
            problems.push(row.problem("id", format!("duplicate partner {id}")));
        }
        let name = row.get("name");
        if name.is_none() {
            problems.push(row.problem("name", "the partner name is empty"));
        }
        // Only a web address is a link: `javascript:` or `data:` would run in a visitor's page.
        let link = match row.get("link").map(smartcities_domain::web_link) {
            None => Ok(None),
            Some(Ok(link)) => Ok(Some(link)),
            Some(Err(e)) => {
                problems.push(row.problem("link", e.0));
                Err(())
            }
        };
        let description = partner_description(&row).map_err(|(column, message)| {
            problems.push(row.problem(column, message));
        });
        if let (Some(id), Some(name), Some(kind), Ok(link), Ok(description)) =
            (id, name, kind, link, description)
        {
            let names = CityNames {
                es: row.get("name_es").map(str::to_string),
                fr: row.get("name_fr").map(str::to_string),
            };
            partners.push(Partner {
                id: id.to_string(),
                name: name.to_string(),
                names,
                kind,
                link,
                description,
            });
        }
    }
    table.problems.extend(problems);
    table.into_result(partners)
}

/// The longest description of a partner, per language.
pub const MAX_PARTNER_DESCRIPTION: usize = 1_000;

/// A partner's description from `description_es/_en/_fr` and `original_language` (which may be
/// left out when one language alone has a text); a problem names its column.
fn partner_description(row: &Row<'_>) -> Result<Option<Written>, (&'static str, String)> {
    let texts: Vec<(Lang, &str)> =
        [("description_es", Lang::Es), ("description_en", Lang::En), ("description_fr", Lang::Fr)]
            .into_iter()
            .filter_map(|(column, lang)| row.get(column).map(|text| (lang, text)))
            .collect();
    if let Some((lang, _)) = texts.iter().find(|(_, t)| t.chars().count() > MAX_PARTNER_DESCRIPTION) {
        let column = match lang {
            Lang::Es => "description_es",
            Lang::En => "description_en",
            Lang::Fr => "description_fr",
        };
        return Err((column, format!("the description is longer than {MAX_PARTNER_DESCRIPTION} characters")));
    }
    let original = match (row.get("original_language"), texts.as_slice()) {
        (None, []) => return Ok(None),
        (Some(code), _) => {
            Lang::from_tag(code).ok_or(("original_language", format!("{code:?} is not es, en or fr")))?
        }
        (None, [(lang, _)]) => *lang,
        (None, _) => {
            return Err((
                "original_language",
                "say which language the description was written in (es, en or fr)".to_string(),
            ));
        }
    };
    let Some((_, first)) = texts.iter().find(|(l, _)| *l == original) else {
        return Err(("original_language", format!("the description has no text in {}", original.code())));
    };
    let mut description = Written::new(original, *first);
    for (lang, text) in &texts {
        description.set(*lang, text);
    }
    Ok(Some(description))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_rows_give_several_focal_points() {
        let text = "\
city_id,status,since,focal_name,focal_role,focal_email,illustrative
es-bilbao,active,2005,Ane,Digital strategy,ane@bilbao.example.org,yes
es-bilbao,active,2005,Jon,International relations,jon@bilbao.example.org,yes
sn-dakar,pending renewal,,,,,yes
";
        let members = parse_members("members.csv", text).unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].focal_points.len(), 2);
        assert_eq!(members[1].status, MemberStatus::PendingRenewal);
        assert!(members[1].focal_points.is_empty());
        assert!(members.iter().all(|m| m.illustrative));
    }

    #[test]
    fn member_problems_are_located() {
        let text = "\
city_id,status,focal_name,focal_email
es-bilbao,honorary,,
es-bilbao,active,Ane,not-an-address
";
        let problems: Vec<String> =
            parse_members("m.csv", text).unwrap_err().0.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "m.csv:2:2: unknown member status \"honorary\": expected active, pending_renewal, lapsed or left",
                "m.csv:3:4: \"not-an-address\" is not an e-mail address",
            ]
        );
    }

    #[test]
    fn partners_parse_and_reject_duplicates() {
        let text = "id,name,kind,link\nun-habitat,UN-Habitat,united_nations,https://unhabitat.org\nun-habitat,Again,other,\n";
        let problems = parse_partners("p.csv", text).unwrap_err();
        assert_eq!(problems.0[0].to_string(), "p.csv:3:1: duplicate partner un-habitat");
        let ok = parse_partners("p.csv", "id,name,kind\nwego,WeGO,city_network\n").unwrap();
        assert_eq!(ok[0].kind, PartnerKind::CityNetwork);
        let named = "id,name,kind,name_es,name_fr\nun-habitat,UN-Habitat,united_nations,ONU-Hábitat,\n";
        let named = parse_partners("p.csv", named).unwrap();
        assert_eq!(named[0].names, CityNames { es: Some("ONU-Hábitat".into()), fr: None });
    }

    #[test]
    fn a_partner_link_is_a_web_address_or_nothing() {
        let text = "id,name,kind,link\na,A,other,javascript:alert(1)\nb,B,other,data:text/html;base64,PHNjcmlwdD4=\nc,C,other,JavaScript://%0aalert(1)\nd,D,other,https://d.example.org\n";
        let problems = parse_partners("p.csv", text).unwrap_err();
        let messages: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].starts_with("p.csv:2:4: \"javascript:alert(1)\" is not an http or https link"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("p.csv:3:4:") && messages[2].starts_with("p.csv:4:4:"),
            "{messages:?}"
        );
        let ok = parse_partners("p.csv", "id,name,kind,link\nd,D,other,https://d.example.org\n").unwrap();
        assert_eq!(ok[0].link.as_deref(), Some("https://d.example.org"));
    }

    #[test]
    fn partner_descriptions_keep_their_original_and_problems_name_their_column() {
        let text = "id,name,kind,original_language,description_es,description_en,description_fr\n\
                    a,A,other,es,Coorganiza los seminarios.,Co-organises the webinars.,\n\
                    b,B,other,,,Hosts the launch.,\n\
                    c,C,other,,,,\n";
        let partners = parse_partners("p.csv", text).unwrap();
        let a = partners[0].description.as_ref().unwrap();
        assert_eq!(
            (a.original, a.exactly(Lang::En), a.exactly(Lang::Fr)),
            (Lang::Es, Some("Co-organises the webinars."), None)
        );
        assert_eq!(
            partners[1].description.as_ref().unwrap().original,
            Lang::En,
            "one language alone is the original"
        );
        assert_eq!(partners[2].description, None);

        let unsaid = "id,name,kind,description_es,description_en\nd,D,other,Uno,One\n";
        let problems = parse_partners("p.csv", unsaid).unwrap_err().0;
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].message.contains("which language"), "{}", problems[0].message);
        let empty_original = "id,name,kind,original_language,description_en\nd,D,other,fr,One\n";
        assert!(parse_partners("p.csv", empty_original).unwrap_err().to_string().contains("no text in fr"));
        let long =
            format!("id,name,kind,description_fr\nd,D,other,{}\n", "x".repeat(MAX_PARTNER_DESCRIPTION + 1));
        let problems = parse_partners("p.csv", &long).unwrap_err().0;
        assert_eq!((problems[0].line, problems[0].column), (2, 4), "the description_fr cell");
    }
}
