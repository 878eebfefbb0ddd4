//! Scheduling: work after the next paint, work when the page is idle, and repeating timers.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use gloo_timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;

thread_local! {
    /// Work waiting for an idle moment (see [`when_idle`]), by number.
    static IDLE_WORK: RefCell<IdleWork> = const { RefCell::new(Vec::new()) };
    /// The number of the next work to wait for an idle moment.
    static NEXT_IDLE: Cell<u32> = const { Cell::new(0) };
    /// Runs the waiting work when the page is left; added with the first of it.
    static LEAVE_LISTENER: std::cell::OnceCell<gloo_events::EventListener> =
        const { std::cell::OnceCell::new() };
}

/// Work waiting for an idle moment, each with its number.
type IdleWork = Vec<(u32, Box<dyn FnOnce()>)>;

/// The current time, by the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Runs `work` every `seconds` until the returned timer is dropped.
pub fn every(seconds: u32, work: impl FnMut() + 'static) -> Interval {
    Interval::new(seconds.saturating_mul(1000), work)
}

/// Runs `work` right after the next frame is painted (a task posted from the frame's animation
/// callback runs once that frame's style, layout and paint are done), or after a moment where
/// the page draws no frames: hidden tabs and iframes out of view get no animation callbacks.
/// Dropping the returned handle cancels it.
pub fn after_paint(work: impl FnOnce() + 'static) -> AfterPaint {
    let work = Rc::new(Cell::new(Some(work)));
    let run = move || {
        if let Some(work) = work.take() {
            work();
        }
    };
    let after_frame = Rc::new(Cell::new(None));
    let frame = {
        let after_frame = Rc::clone(&after_frame);
        let run = run.clone();
        gloo_render::request_animation_frame(move |_| {
            after_frame.set(Some(Timeout::new(0, run)));
        })
    };
    AfterPaint {
        _frame: frame,
        _after_frame: after_frame,
        _fallback: Timeout::new(100, run),
    }
}

/// Pending [`after_paint`] work; dropping it cancels the work.
pub struct AfterPaint {
    _frame: gloo_render::AnimationFrame,
    _after_frame: Rc<Cell<Option<Timeout>>>,
    _fallback: Timeout,
}

/// Runs `work` when the page is idle: after the frame that shows the cards and whatever the
/// page itself has queued. For storage writes, which are synchronous (the offline copy takes
/// milliseconds per megabyte) and must not hold the cards, a level switch or the host page
/// back. A page left before an idle moment (a quick reload) runs it as it goes; queued work
/// runs in order.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let id = NEXT_IDLE.with(|next| next.replace(next.get().wrapping_add(1)));
    IDLE_WORK.with(|pending| pending.borrow_mut().push((id, Box::new(work))));
    LEAVE_LISTENER.with(|listener| {
        listener.get_or_init(|| {
            gloo_events::EventListener::new(&window, "pagehide", |_| {
                let pending = IDLE_WORK.with(|pending| std::mem::take(&mut *pending.borrow_mut()));
                for (_, work) in pending {
                    work();
                }
            })
        });
    });
    let run = wasm_bindgen::closure::Closure::once_into_js(move || {
        // This work and any queued before it, in order: a callback whose timeout ran out may
        // come before an earlier one, and a later write of the choices must stay the last.
        let due: IdleWork = IDLE_WORK.with(|pending| {
            let mut pending = pending.borrow_mut();
            match pending.iter().position(|(other, _)| *other == id) {
                Some(at) => pending.drain(..=at).collect(),
                None => Vec::new(),
            }
        });
        for (_, work) in due {
            work();
        }
    });
    // A page that is never idle (or a background tab) still gets it done within a second.
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window
        .request_idle_callback_with_options(run.unchecked_ref(), &options)
        .is_err()
    {
        // Browsers without idle callbacks: a moment after the first frames.
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 200);
    }
}

/// Whether the browser draws frames: it does, so a list's first render may wait for one.
pub const DRAWS_FRAMES: bool = true;
