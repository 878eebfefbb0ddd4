//! The kind's own block on a card: production progress, the new cast, the release window.

use chrono::{DateTime, Utc};
use yew::prelude::*;

use crate::date;
use crate::feed::{Confidence, Details, Release, Stage};
use crate::i18n::{Lang, Msg};
use crate::platform;

/// The block for the item's kind; nothing for `other`. A plain view function: it is part
/// of its card and has no state of its own.
pub fn kind_details(lang: &Lang, details: &Details, now: DateTime<Utc>) -> Html {
    match details {
        Details::Production(production) => html! {
            <div class="sf-details sf-production">
                if let Some(stage) = production.stage {
                    <span class="sf-production__stage">{ lang.text(stage_msg(stage)) }</span>
                }
                if let Some(percent) = production.progress {
                    <div
                        class="sf-progress"
                        role="progressbar"
                        aria-label={lang.text(Msg::ProductionProgress)}
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow={percent.to_string()}
                        part="progress"
                    >
                        <progress class="sf-progress__bar" max="100" value={percent.to_string()} aria-hidden="true"></progress>
                        <span class="sf-progress__value">{ format!("{}%", lang.number(usize::from(percent))) }</span>
                    </div>
                }
            </div>
        },
        Details::Cast(members) if !members.is_empty() => html! {
            <ul class="sf-details sf-cast" aria-label={lang.text(Msg::NewCast)}>
                { for members.iter().map(|member| html! {
                    <li class="sf-cast__member">
                        <span class="sf-cast__name">{ &member.name }</span>
                        if let Some(role) = &member.role {
                            <span class="sf-cast__role">{ lang.say(Msg::AsRole, &[("role", role)]) }</span>
                        }
                    </li>
                }) }
            </ul>
        },
        Details::Release(release) => release_block(lang, release, now),
        Details::Cast(_) | Details::Other => Html::default(),
    }
}

/// The window ("2025", or its days), its confidence, and a countdown once confirmed to a day.
fn release_block(lang: &Lang, release: &Release, now: DateTime<Utc>) -> Html {
    let window = match (&release.label, release.from, release.to) {
        (Some(label), _, _) => label.clone(),
        (None, Some(from), Some(to)) if from != to => {
            format!(
                "{} – {}",
                platform::day(lang, from),
                platform::day(lang, to)
            )
        }
        (None, Some(day), _) | (None, None, Some(day)) => platform::day(lang, day),
        (None, None, None) => lang.text(Msg::DateNotAnnounced).into(),
    };
    let confidence = release.confidence;
    let badge = html! { <span class={badge_class(confidence)}>{ lang.text(confidence_msg(confidence)) }</span> };
    html! {
        <div class="sf-details sf-release">
            <span class="sf-release__window">{ window }</span>
            { badge }
            if let Some(day) = release.confirmed_day() {
                <span class="sf-release__countdown">{ countdown(lang, day, now) }</span>
            }
            if let Some(note) = &release.note {
                <p class="sf-release__note">{ note }</p>
            }
        </div>
    }
}

/// The confidence badge's classes, written out rather than built on every render.
fn badge_class(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Rumored => "sf-badge sf-badge--rumored",
        Confidence::Reported => "sf-badge sf-badge--reported",
        Confidence::Confirmed => "sf-badge sf-badge--confirmed",
    }
}

/// A production stage's message.
fn stage_msg(stage: Stage) -> Msg {
    match stage {
        Stage::PreProduction => Msg::StagePreProduction,
        Stage::Filming => Msg::StageFilming,
        Stage::PostProduction => Msg::StagePostProduction,
        Stage::Wrapped => Msg::StageWrapped,
    }
}

/// A release date's confidence's message.
fn confidence_msg(confidence: Confidence) -> Msg {
    match confidence {
        Confidence::Rumored => Msg::Rumored,
        Confidence::Reported => Msg::Reported,
        Confidence::Confirmed => Msg::Confirmed,
    }
}

/// The countdown to a release day, counted in calendar days from today.
fn countdown(lang: &Lang, release: chrono::NaiveDate, now: DateTime<Utc>) -> String {
    match date::days_until(release, now) {
        ..=-1 => lang.text(Msg::OutNow).into(),
        0 => lang.text(Msg::OutToday).into(),
        1 => lang.text(Msg::OutTomorrow).into(),
        days => lang.count(
            Msg::OutInDays,
            usize::try_from(days).unwrap_or(usize::MAX),
            &[],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_classes_are_the_confidence_labels() {
        for confidence in [
            Confidence::Rumored,
            Confidence::Reported,
            Confidence::Confirmed,
        ] {
            assert_eq!(
                badge_class(confidence),
                format!(
                    "sf-badge sf-badge--{}",
                    confidence.label().to_ascii_lowercase()
                )
            );
        }
    }
}
