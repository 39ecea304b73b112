//! The HTTP routes of the class server: each reads its request, hands the work to the class
//! on a blocking thread (records are synced to the disk before an answer) and answers in JSON.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::StreamExt;

use super::class::Class;
use crate::protocol::{
    Acknowledged, CODE_HEADER, CODE_PATH, CodeRequest, DEVICE_HEADER, EVENTS_PATH, JOIN_PATH,
    JoinRequest, LOCK_PATH, Lines, LockRequest, Reason, Refusal, VIEW_PATH,
};

/// The live view's page: self-contained (no network but this server).
const PAGE: &str = include_str!("page.html");

/// The fastest the live view's events come, per page.
const EVENT_GAP: Duration = Duration::from_millis(250);

/// The slowest: an event at least this often, so "seconds since" stays true.
const EVENT_REFRESH: Duration = Duration::from_secs(1);

/// The class charts are brought up to date at most this often, whatever the number of pages.
const CHART_GAP: Duration = Duration::from_secs(1);

/// Where the class charts go in the page.
const CHARTS_SLOT: &str = "<!--CHARTS-->";

/// The routes of `class`, with its request body limit.
pub(super) fn router(class: Arc<Class>) -> Router {
    let limit = class.limits.max_body_bytes;
    Router::new()
        .route(JOIN_PATH, post(join))
        .route("/class/sessions/{id}/lines", post(lines))
        .route("/class/sessions/{id}/record", get(record))
        .route(VIEW_PATH, get(view_page))
        .route(EVENTS_PATH, get(view_events))
        .route("/class/report/{file}", get(report))
        .route(LOCK_PATH, post(lock))
        .route(CODE_PATH, post(new_code))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(class)
}

/// A refusal as a response: its status, the refusal in JSON, `Retry-After` when too fast.
fn refused(r: Refusal) -> Response {
    let status = StatusCode::from_u16(r.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let too_fast = r.reason == Reason::TooFast;
    let mut response = (status, Json(r)).into_response();
    if too_fast {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    }
    response
}

/// The request's body, or the refusal of a body that is too large or not the request.
fn read<T>(body: Result<Json<T>, JsonRejection>, limit: usize) -> Result<T, Refusal> {
    match body {
        Ok(Json(t)) => Ok(t),
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(Refusal::new(
            Reason::TooLarge,
            format!("the request is larger than the {limit} bytes the server takes"),
        )),
        Err(e) => Err(Refusal::new(
            Reason::Malformed,
            format!("not a request of the class protocol: {}", e.body_text()),
        )),
    }
}

/// Runs `work` on a blocking thread (it writes and syncs files) and answers with its result.
async fn blocking<T: serde::Serialize + Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Response {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(t)) => Json(t).into_response(),
        Ok(Err(r)) => refused(r),
        Err(e) => refused(Refusal::new(
            Reason::Disk,
            format!("the server failed: {e}"),
        )),
    }
}

async fn join(
    State(class): State<Arc<Class>>,
    body: Result<Json<JoinRequest>, JsonRejection>,
) -> Response {
    match read(body, class.limits.max_body_bytes) {
        Ok(request) => {
            let gate = class.clone();
            let _one_at_a_time = gate.join_gate.lock().await;
            blocking(move || class.join(&request)).await
        }
        Err(r) => refused(r),
    }
}

async fn lines(
    State(class): State<Arc<Class>>,
    Path(id): Path<String>,
    body: Result<Json<Lines>, JsonRejection>,
) -> Response {
    match read(body, class.limits.max_body_bytes) {
        Ok(lines) => {
            blocking(move || class.post(&id, &lines).map(|lines| Acknowledged { lines })).await
        }
        Err(r) => refused(r),
    }
}

async fn record(
    State(class): State<Arc<Class>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (code, device) = (header(CODE_HEADER), header(DEVICE_HEADER));
    let read = tokio::task::spawn_blocking(move || class.record_text(&id, &code, &device)).await;
    match read {
        Ok(Ok(text)) => {
            ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
        }
        Ok(Err(r)) => refused(r),
        Err(e) => refused(Refusal::new(
            Reason::Disk,
            format!("the server failed: {e}"),
        )),
    }
}

/// The instructor's token, from `?token=`, and the report's language, from `?lang=`.
#[derive(serde::Deserialize)]
struct Token {
    #[serde(default)]
    token: String,
    #[serde(default)]
    lang: String,
}

fn not_instructor() -> Response {
    refused(Refusal::new(
        Reason::NotInstructor,
        "the live view needs the instructor's token printed when the class started (?token=…)",
    ))
}

async fn view_page(State(class): State<Arc<Class>>, Query(q): Query<Token>) -> Response {
    if !class.is_instructor(&q.token) {
        return not_instructor();
    }
    let page = tokio::task::spawn_blocking(move || {
        let charts = class.charts(CHART_GAP);
        page_with(&class.snapshot(), &charts.html)
    })
    .await;
    match page {
        Ok(page) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            page,
        )
            .into_response(),
        Err(e) => refused(Refusal::new(
            Reason::Disk,
            format!("the server failed: {e}"),
        )),
    }
}

/// The live view's page with `view` and the class `charts` in it, shown before the first
/// event arrives. In the script, `<` is written `\u003c` so no name can close the script
/// element; the charts are HTML the report's template escaped.
fn page_with(view: &super::ClassView, charts: &str) -> String {
    let json = serde_json::to_string(view)
        .unwrap_or_else(|_| "null".to_string())
        .replace('<', "\\u003c");
    PAGE.replace("/*FIRST_VIEW*/null", &json)
        .replacen(CHARTS_SLOT, charts, 1)
}

async fn view_events(State(class): State<Arc<Class>>, Query(q): Query<Token>) -> Response {
    if !class.is_instructor(&q.token) {
        return not_instructor();
    }
    let changes = class.view.subscribe();
    // Each turn: the view, and the charts when they were drawn anew since this stream last
    // sent them (as a `charts` event).
    let stream = futures_util::stream::unfold(
        (class, changes, true, 0u64),
        |(class, mut changes, first, sent)| async move {
            if !first {
                let _ = tokio::time::timeout(EVENT_REFRESH, changes.changed()).await;
                tokio::time::sleep(EVENT_GAP).await;
            }
            changes.borrow_and_update();
            let view = serde_json::to_string(&class.snapshot()).unwrap_or_default();
            let mut events = vec![Ok::<_, Infallible>(Event::default().data(view))];
            let drawing = class.clone();
            let mut sent = sent;
            if let Ok(charts) = tokio::task::spawn_blocking(move || drawing.charts(CHART_GAP)).await
                && charts.version != sent
            {
                sent = charts.version;
                let data = serde_json::to_string(&charts).unwrap_or_default();
                events.push(Ok(Event::default().event("charts").data(data)));
            }
            Some((
                futures_util::stream::iter(events),
                (class, changes, false, sent),
            ))
        },
    )
    .flatten();
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// The instructor's `l` from the live view: locks or unlocks the class.
async fn lock(
    State(class): State<Arc<Class>>,
    body: Result<Json<LockRequest>, JsonRejection>,
) -> Response {
    match read(body, class.limits.max_body_bytes) {
        Ok(LockRequest { token, locked }) => {
            change_door(class, &token, move |c| c.set_locked(locked)).await
        }
        Err(r) => refused(r),
    }
}

/// The instructor's `c` from the live view: a new class code.
async fn new_code(
    State(class): State<Arc<Class>>,
    body: Result<Json<CodeRequest>, JsonRejection>,
) -> Response {
    match read(body, class.limits.max_body_bytes) {
        Ok(CodeRequest { token }) => change_door(class, &token, |c| c.new_code().map(drop)).await,
        Err(r) => refused(r),
    }
}

/// Makes the instructor's `change` to the class's door (its code or lock, kept in the
/// register) when `token` is theirs, and answers with the door as it then is.
async fn change_door(
    class: Arc<Class>,
    token: &str,
    change: impl FnOnce(&Class) -> std::io::Result<()> + Send + 'static,
) -> Response {
    if !class.is_instructor(token) {
        return not_instructor();
    }
    blocking(move || {
        change(&class).map_err(register_error)?;
        Ok(class.gate())
    })
    .await
}

fn register_error(e: std::io::Error) -> Refusal {
    Refusal::new(
        Reason::Disk,
        format!("the register could not be written: {e}"),
    )
}

async fn report(
    State(class): State<Arc<Class>>,
    Path(file): Path<String>,
    Query(q): Query<Token>,
) -> Response {
    if !class.is_instructor(&q.token) {
        return not_instructor();
    }
    let read = tokio::task::spawn_blocking(move || class.report_file(&file, &q.lang)).await;
    match read {
        Ok(Ok((bytes, kind))) => (
            [
                (header::CONTENT_TYPE, kind),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Ok(Err(r)) => refused(r),
        Err(e) => refused(Refusal::new(
            Reason::Disk,
            format!("the server failed: {e}"),
        )),
    }
}
