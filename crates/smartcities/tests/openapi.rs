//! The OpenAPI document says what the API answers: every answer of every endpoint, for a
//! visitor and for the secretariat, checked against the schema the document gives it (types,
//! required properties, enums as serialised).

// Each test target sees every dependency of its package.
#![allow(unused_crate_dependencies)]

use serde_json::Value;
use smartcities_test_support::{SECRETARIAT, Site};

/// The schema `schema` refers to, followed through `$ref`.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap_or_default();
            resolve(doc, &doc["components"]["schemas"][name])
        }
        None => schema,
    }
}

/// Every way `value` departs from `schema`, as `path: problem`.
fn check(doc: &Value, schema: &Value, value: &Value, path: &str, problems: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    for (key, any) in [("oneOf", false), ("anyOf", false), ("allOf", true)] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let results: Vec<Vec<String>> = options
                .iter()
                .map(|option| {
                    let mut found = Vec::new();
                    check(doc, option, value, path, &mut found);
                    found
                })
                .collect();
            if any {
                problems.extend(results.into_iter().flatten());
            } else if results.iter().all(|r| !r.is_empty()) {
                problems.push(format!("{path}: matches none of {key}: {:?}", results));
            }
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        problems.push(format!("{path}: {value} is not one of {allowed:?}"));
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() {
        let fits = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => true,
        });
        if !fits {
            problems.push(format!("{path}: {value} is not {types:?}"));
            return;
        }
    }
    if let (Some(object), Some(properties)) =
        (value.as_object(), schema.get("properties").and_then(Value::as_object))
    {
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let name = required.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                problems.push(format!("{path}: the required {name} is missing"));
            }
        }
        for (name, field) in object {
            match properties.get(name) {
                Some(property) => check(doc, property, field, &format!("{path}.{name}"), problems),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    problems.push(format!("{path}: {name} is not in the schema"));
                }
                None => {}
            }
        }
    }
    if let (Some(object), Some(values)) = (value.as_object(), schema.get("additionalProperties"))
        && values.is_object()
    {
        for (name, field) in object {
            check(doc, values, field, &format!("{path}.{name}"), problems);
        }
    }
    if let (Some(items), Some(item)) = (value.as_array(), schema.get("items")) {
        for (i, element) in items.iter().enumerate().take(50) {
            check(doc, item, element, &format!("{path}[{i}]"), problems);
        }
    }
}

/// The schema of the answer with `status` of the operation at `template` (a path of the
/// document, `{year}` and all).
fn answer_schema<'a>(doc: &'a Value, template: &str, status: u16) -> &'a Value {
    let response = &doc["paths"][template]["get"]["responses"][status.to_string()];
    assert!(!response.is_null(), "{template}: the document gives no {status} answer");
    &response["content"]["application/json"]["schema"]
}

#[tokio::test]
async fn every_answer_of_the_api_fits_the_document() {
    let site = Site::demo().await;
    let doc = site.get("/api/openapi.json", None).await.json();
    let session = site.session(SECRETARIAT).await;
    let practice = site.get("/api/v1/practices?per_page=1", None).await.json();
    let practice_id = practice["practices"][0]["id"].as_str().expect("a published practice").to_string();
    let question = site.get("/api/v1/editions/2024/results", None).await.json();
    let code = question["questions"][0]["code"].as_str().expect("a question").to_string();
    let cases: Vec<(&str, String, u16)> = vec![
        ("/api/v1/editions", "/api/v1/editions".into(), 200),
        ("/api/v1/editions/{year}", "/api/v1/editions/2025".into(), 200),
        ("/api/v1/editions/{year}", "/api/v1/editions/1999".into(), 404),
        ("/api/v1/editions/{year}/results", "/api/v1/editions/2024/results".into(), 200),
        ("/api/v1/editions/{year}/results", "/api/v1/editions/2147483648/results".into(), 400),
        ("/api/v1/editions/{year}/questions/{code}", format!("/api/v1/editions/2024/questions/{code}"), 200),
        ("/api/v1/editions/{year}/figures", "/api/v1/editions/2019/figures".into(), 200),
        ("/api/v1/editions/{year}/figures", "/api/v1/editions/1999/figures".into(), 404),
        ("/api/v1/cities", "/api/v1/cities".into(), 200),
        ("/api/v1/cities", "/api/v1/cities?country=XX".into(), 400),
        ("/api/v1/cities/{id}", "/api/v1/cities/es-bilbao".into(), 200),
        ("/api/v1/cities/{id}/profile", "/api/v1/cities/es-bilbao/profile".into(), 200),
        ("/api/v1/practices", "/api/v1/practices?q=movilidad".into(), 200),
        ("/api/v1/practices/{id}", format!("/api/v1/practices/{practice_id}"), 200),
        ("/api/v1/events", "/api/v1/events".into(), 200),
        ("/api/v1/members", "/api/v1/members".into(), 200),
        ("/healthz", "/healthz".into(), 200),
    ];
    let mut problems = Vec::new();
    for (template, uri, status) in &cases {
        for signed_in in [None, Some(&session)] {
            let reply = site.get(uri, signed_in).await;
            if reply.status.as_u16() != *status {
                problems.push(format!("{uri}: {} where {status} was expected", reply.status));
                continue;
            }
            let schema = answer_schema(&doc, template, *status);
            check(&doc, schema, &reply.json(), uri, &mut problems);
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
