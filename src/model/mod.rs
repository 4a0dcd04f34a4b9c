//! The typed, serialisable result of parsing: [`Transcript`] and its nodes.
//!
//! Every node carries the [`Span`] of the raw input it came from. Text fields
//! hold *cleaned* text (line breaks inside a paragraph folded to spaces,
//! non-breaking and zero-width spaces folded or dropped, Unicode NFC); they
//! borrow from the input whenever no cleaning was needed.
//!
//! The serde form of these types is the crate's stable JSON shape, documented
//! in the README.

use crate::Span;
use crate::datetime::{Date, Time, UtcOffset, Weekday};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

mod turn_json;

/// A piece of cleaned text and the span of raw input it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text<'a> {
    /// The cleaned text.
    pub text: Cow<'a, str>,
    /// Where it stands in the input.
    pub span: Span,
}

impl Text<'_> {
    /// A copy that owns its text.
    pub fn into_owned(self) -> Text<'static> {
        Text {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
        }
    }
}

/// A language the crate has tables for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// Vietnamese.
    Vi,
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// Italian.
    It,
    /// A value this version does not know, read from JSON written by a
    /// later version (which may add values); the parser never produces it,
    /// and it is written back as `"unknown"`.
    #[serde(other)]
    Unknown,
}

impl Language {
    /// Every language the crate knows, in a fixed order.
    pub const ALL: [Language; 7] = [
        Language::Vi,
        Language::En,
        Language::Fr,
        Language::De,
        Language::Es,
        Language::Pt,
        Language::It,
    ];

    /// The ISO 639-1 code (`"vi"`, `"en"`, …), as in the JSON; the same as
    /// [`Language::as_str`] (`"unknown"` for [`Language::Unknown`]).
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.as_str()
    }
}

impl Transcript<'_> {
    /// The version of the JSON shape this crate writes, in
    /// [`Transcript::schema_version`]. 2: a date line's `zone` (as
    /// written) and `second`, and the `ambiguous_date` diagnostic.
    pub const SCHEMA_VERSION: u32 = 2;
}

/// A parsed transcript: metadata, participants, turns, and the blocks that
/// cover every byte of the input.
///
/// # Example
/// ```
/// let text = "Headline\n\n- What now?\n- We build.\n";
/// let t = press_transcript::parse(text).unwrap();
/// assert_eq!(t.headline.as_ref().unwrap().text, "Headline");
/// assert_eq!(t.turns.len(), 2);
/// assert_eq!(t.turns[0].kind, press_transcript::TurnKind::Question);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Transcript<'a> {
    /// The version of the JSON shape: [`Transcript::SCHEMA_VERSION`] for
    /// a transcript this crate parsed; read from JSON, what its writer put
    /// there (`0` when it wrote none). Every change of the shape raises it.
    /// The shape only grows: new fields, which read with a default from
    /// JSON that lacks them, and new enum values, which older versions
    /// read as `Unknown` (`Other` for annotation kinds).
    #[serde(default)]
    pub schema_version: u32,
    /// The language the tables were taken from (the hint, or detected).
    pub language: Language,
    /// A line above the headline that introduces it, typically ending in `:`.
    pub kicker: Option<Text<'a>>,
    /// The headline.
    pub headline: Option<Text<'a>>,
    /// The article's own publication date line.
    pub dateline: Option<Dateline<'a>>,
    /// The paragraph(s) introducing the interview, joined by `\n`.
    pub lede: Option<Text<'a>>,
    /// The publication the interview was given to, when the text names it.
    pub outlet: Option<Text<'a>>,
    /// The people who speak, in order of first appearance.
    #[serde(default)]
    pub participants: Vec<Participant<'a>>,
    /// Questions, answers and remarks, in order.
    #[serde(default)]
    pub turns: Vec<Turn<'a>>,
    /// Photo captions, with their alt text and credit.
    #[serde(default)]
    pub captions: Vec<Caption<'a>>,
    /// Who wrote or conducted the interview.
    pub byline: Option<Byline<'a>>,
    /// A source line such as `Theo VNE` (the article was taken from there).
    pub source: Option<Text<'a>>,
    /// Every byte of the input, in order, each in exactly one block.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// The front matter block of a Markdown file, when it has one.
    pub front_matter: Option<FrontMatter<'a>>,
    /// Section headings and crossheads.
    #[serde(default)]
    pub headings: Vec<Text<'a>>,
    /// Stage directions and transcribers' notes: `(Laughter.)`,
    /// `[crosstalk 00:12:03]`, `(SOUNDBITE OF MUSIC)`.
    #[serde(default)]
    pub annotations: Vec<Annotation<'a>>,
    /// What was odd but recoverable. Consecutive questions and consecutive
    /// answers are listed up to 100 of each; one more diagnostic of the
    /// same code then counts the rest, at the first of them.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

/// The format of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FrontMatterFormat {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines.
    Toml,
    /// A value this version does not know, read from JSON written by a
    /// later version (which may read other formats); the parser never
    /// produces it, and it is written back as `"unknown"`.
    #[serde(other)]
    Unknown,
}

/// One top-level entry of a front matter block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Field<'a> {
    /// The key (`title`, `date`).
    pub key: Cow<'a, str>,
    /// The value, unquoted and unescaped, folded lines joined.
    pub value: Cow<'a, str>,
    /// The entry's lines.
    pub span: Span,
}

/// A YAML or TOML front matter block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FrontMatter<'a> {
    /// YAML or TOML.
    pub format: FrontMatterFormat,
    /// Its top-level entries, in order.
    #[serde(default)]
    pub fields: Vec<Field<'a>>,
    /// From the opening fence to the end of the closing one.
    pub span: Span,
}

impl<'a> FrontMatter<'a> {
    /// The value of the first field named `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.as_ref())
    }
}

/// What an annotation notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnnotationKind {
    /// Laughter, applause, cheers: the audience or the speakers react.
    Reaction,
    /// Speech the transcriber could not make out, or voices over each other.
    Inaudible,
    /// A recording or music played (`(SOUNDBITE OF …)`).
    Sound,
    /// Any other stage direction (and, read from JSON, a kind a later
    /// version added).
    #[serde(other)]
    Other,
}

/// A stage direction or transcriber's note, never speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Annotation<'a> {
    /// What it notes.
    pub kind: AnnotationKind,
    /// Its text, brackets included (`(Laughter.)`).
    pub text: Cow<'a, str>,
    /// The turn it stands in, or `None` when it stands alone.
    pub turn: Option<usize>,
    /// Where it stands.
    pub span: Span,
}

/// Whether a turn asks, answers, or does neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TurnKind {
    /// A question (or a request to speak to a subject).
    Question,
    /// An answer to the question before it.
    Answer,
    /// Anything said that is neither: thanks, opening statements, procedure.
    Remark,
}

/// One turn of speech.
///
/// Its text is held once, in its [`paragraphs`](Turn::paragraphs);
/// [`Turn::text`] joins them. In JSON a turn also carries that joined text,
/// as `"text"`, between `paragraphs` and `span`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "turn_json::TurnFields<'a>")]
#[non_exhaustive]
pub struct Turn<'a> {
    /// Question, answer or remark.
    pub kind: TurnKind,
    /// The speaker, as an index into [`Transcript::participants`], when known.
    pub speaker: Option<usize>,
    /// The dash or label that opened the turn, as written.
    pub marker: Option<Marker<'a>>,
    /// The turn's paragraphs, the first without its marker.
    pub paragraphs: Vec<Text<'a>>,
    /// From the marker to the end of the last paragraph (captions standing
    /// between paragraphs fall inside).
    pub span: Span,
}

impl Turn<'_> {
    /// The paragraphs' text joined by `\n`: borrowed when the turn has one
    /// paragraph, a new string when it has several.
    ///
    /// ```
    /// let text = "- Why?\n- First, this.\n\nAnd then that.\n\n- And?\n- No.\n";
    /// let t = press_transcript::parse(text).unwrap();
    /// assert_eq!(t.turns[0].text(), "Why?");
    /// assert_eq!(t.turns[1].text(), "First, this.\nAnd then that.");
    /// ```
    pub fn text(&self) -> Cow<'_, str> {
        match self.paragraphs.as_slice() {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.text.as_ref()),
            many => {
                let len = many.iter().map(|p| p.text.len() + 1).sum::<usize>() - 1;
                let mut out = String::with_capacity(len);
                for (i, p) in many.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(&p.text);
                }
                Cow::Owned(out)
            }
        }
    }
}

/// How a turn was marked in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkerKind {
    /// A dash or bullet: `-`, `–`, `—`, `*`, `+`.
    Dash,
    /// A label that marks a question (`Q:`, `Hỏi:`, `PV:`, `Frage:`).
    Question,
    /// A label that marks an answer (`A:`, `Đáp:`, `Antwort:`).
    Answer,
    /// A speaker's name or role (`MS. JACQUET-ROUX:`, `Ông Trần Quốc Bảo:`).
    Speaker,
    /// A whole paragraph in bold, with no label: a question.
    Bold,
    /// A question set as a Markdown heading (`### What…?`): its `#` marks.
    Heading,
    /// A whole paragraph in italics, with no label: a question
    /// (`*What…?*`, `<p><em>What…?</em></p>`).
    Italic,
    /// A value this version does not know, read from JSON written by a
    /// later version (which may add values); the parser never produces it,
    /// and it is written back as `"unknown"`.
    #[serde(other)]
    Unknown,
}

/// The dash or label that opens a turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Marker<'a> {
    /// What kind of marker.
    pub kind: MarkerKind,
    /// The marker as written (`-`, `–`, …).
    pub text: Cow<'a, str>,
    /// Where it stands.
    pub span: Span,
}

/// What a participant does in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Asks the questions of an interview.
    Interviewer,
    /// Answers the questions of an interview.
    Interviewee,
    /// Chairs a press conference.
    Moderator,
    /// A journalist asking at a press conference.
    Reporter,
    /// An official answering at a press conference or briefing.
    Official,
    /// A call's operator.
    Operator,
    /// An analyst on an earnings call.
    Analyst,
    /// A broadcast's host.
    Host,
    /// A broadcast's guest.
    Guest,
    /// A value this version does not know, read from JSON written by a
    /// later version (which may add values); the parser never produces it,
    /// and it is written back as `"unknown"`.
    #[serde(other)]
    Unknown,
}

/// A person who speaks (or is said to speak) in the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Participant<'a> {
    /// The name, without honorific (`Lương Minh Đạt`).
    pub name: Cow<'a, str>,
    /// The honorific as written (`Ông`, `Ms.`, `PGS.TS.`).
    pub honorific: Option<Cow<'a, str>>,
    /// The post or role description (`Bí thư Đảng ủy Khối doanh nghiệp tỉnh`).
    pub title: Option<Cow<'a, str>>,
    /// The organisation they speak for, when given apart from the title.
    pub affiliation: Option<Cow<'a, str>>,
    /// Their part in the conversation.
    pub role: Role,
    /// The labels that stand for them, as written (`MS. JACQUET-ROUX`).
    #[serde(default)]
    pub aliases: Vec<Cow<'a, str>>,
    /// Where they are first named.
    pub span: Span,
}

/// The publication date line.
///
/// # Example
/// ```
/// let text = "Title\n\nThứ Năm, 12/09/2019, 23:06 [GMT+7]\n\n- Why?\n- Because.\n";
/// let t = press_transcript::parse(text).unwrap();
/// let d = t.dateline.unwrap();
/// assert_eq!(d.date.unwrap().to_string(), "2019-09-12");
/// assert_eq!(d.time.unwrap().to_string(), "23:06");
/// assert_eq!(d.utc_offset.unwrap().to_string(), "+07:00");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Dateline<'a> {
    /// The line as cleaned text.
    pub text: Cow<'a, str>,
    /// The date.
    pub date: Option<Date>,
    /// The time of day, with its seconds when the line gives them. JSON
    /// writes it to the minute (`"time": "07:15"`, the form archives key
    /// on) and its seconds, when given, apart (`"second": 9`).
    #[serde(flatten, with = "minute_and_second")]
    #[cfg_attr(feature = "schema", schemars(with = "minute_and_second::Fields"))]
    pub time: Option<Time>,
    /// The offset from UTC the line states.
    pub utc_offset: Option<UtcOffset>,
    /// The zone as the line writes it (`EST`, `GMT+7`, `+0100`, `GMT+0100
    /// (CET)`), brackets left out; it may name no offset (`ET`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<Cow<'a, str>>,
    /// The weekday as written (it may contradict the date: see the diagnostics).
    pub weekday: Option<Weekday>,
    /// The place the line names (`HANOI`, `Madrid`).
    pub place: Option<Cow<'a, str>>,
    /// Where it stands.
    pub span: Span,
}

/// A date line's time in JSON: `time` to the minute, `second` apart.
mod minute_and_second {
    use crate::Time;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// A time of day in JSON: to the minute, and its seconds apart.
    #[derive(Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    pub(super) struct Fields {
        /// The time of day to the minute, `HH:MM`.
        time: Option<Time>,
        /// Its seconds, when the line gives them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        second: Option<u8>,
    }

    pub(super) fn serialize<S: Serializer>(t: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
        Fields {
            time: t.and_then(|t| Time::new(t.hour(), t.minute(), None)),
            second: t.and_then(|t| t.second()),
        }
        .serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Time>, D::Error> {
        let f = Fields::deserialize(d)?;
        match (f.time, f.second) {
            (Some(t), Some(s)) => Time::new(t.hour(), t.minute(), Some(s))
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("{s} is not a second"))),
            (t, _) => Ok(t),
        }
    }
}

/// A photo caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Caption<'a> {
    /// The caption's text (without its credit, when the credit stands apart).
    pub text: Cow<'a, str>,
    /// The photo's alt text, when the scraper kept it as a paragraph of its own
    /// just before the caption.
    pub alt: Option<Text<'a>>,
    /// The photo credit (`Ảnh: Ngọc Hà` gives `Ngọc Hà`).
    pub credit: Option<Text<'a>>,
    /// From the alt text (if any) to the end of the caption.
    pub span: Span,
}

/// What the people a byline names did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BylineRole {
    /// Wrote the article (`By X`, `Đào Hạnh/VOV.VN`).
    Author,
    /// Conducted the interview (`X (thực hiện)`, `Interview by X`,
    /// `Propos recueillis par X`).
    Interviewer,
    /// Took the interview down (`X (ghi)`).
    Recorder,
    /// A value this version does not know, read from JSON written by a
    /// later version (which may add values); the parser never produces it,
    /// and it is written back as `"unknown"`.
    #[serde(other)]
    Unknown,
}

/// The byline: who wrote or conducted the interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Byline<'a> {
    /// The line as cleaned text.
    pub text: Cow<'a, str>,
    /// The names it gives (`P.V`, `Đào Hạnh`).
    #[serde(default)]
    pub names: Vec<Cow<'a, str>>,
    /// What they did.
    pub role: BylineRole,
    /// Where it stands.
    pub span: Span,
}

/// What a block of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// The kicker.
    Kicker,
    /// The headline.
    Headline,
    /// The dateline.
    Dateline,
    /// A paragraph of the lede.
    Lede,
    /// A caption or its alt text; `node` indexes [`Transcript::captions`].
    Caption,
    /// A paragraph of a turn; `node` indexes [`Transcript::turns`].
    Turn,
    /// The byline.
    Byline,
    /// The source line.
    Source,
    /// Page furniture: site navigation, share buttons, related links, junk.
    Furniture,
    /// A front matter block.
    FrontMatter,
    /// A section heading or crosshead.
    Heading,
    /// Where an event takes place (`Aboard Air Force One`).
    Location,
    /// A start or end time (`2:47 P.M. EST`, `END 1:01 P.M. EST`).
    Time,
    /// A stage direction standing alone (`(SOUNDBITE OF MUSIC)`).
    Annotation,
    /// A copyright line or a transcript disclaimer.
    Notice,
    /// Lines holding only white space.
    Blank,
    /// A value this version does not know, read from JSON written by a
    /// later version (which may add values); the parser never produces it,
    /// and it is written back as `"unknown"`.
    #[serde(other)]
    Unknown,
}

/// A run of the input with one meaning. The blocks of a transcript cover the
/// input exactly: in order, with no gap and no overlap, on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// The bytes it covers, line terminators included.
    pub span: Span,
    /// For turns and captions, the index of the node in its list.
    pub node: Option<usize>,
}

/// The kind of a [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticCode {
    /// The dateline's weekday is not the weekday of its date.
    WeekdayMismatch,
    /// The dateline's numeric date may put the day or the month first
    /// (`03/04/2020` in English); it was read in the order its language's
    /// pages mostly write.
    AmbiguousDate,
    /// A question follows a question with no answer between them.
    ConsecutiveQuestions,
    /// An answer follows an answer with no question between them.
    ConsecutiveAnswers,
    /// An answer was found but nobody could be named as its speaker.
    UnresolvedSpeaker,
    /// A published document (it has front matter or a date line) holds no
    /// question or answer turn: a statement, a fact sheet. It is returned
    /// with its header; text with no such signs is [`Error::NoTurns`](crate::Error::NoTurns).
    NoTurns,
    /// A value this version does not know, read from JSON written by a
    /// later version (which may add values); the parser never produces it,
    /// and it is written back as `"unknown"`.
    #[serde(other)]
    Unknown,
}

/// Something odd but recoverable, with where it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// What kind of oddity.
    pub code: DiagnosticCode,
    /// A sentence a person can act on.
    pub message: String,
    /// Where it is.
    pub span: Span,
}

#[cfg(feature = "jiff")]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff")))]
impl Dateline<'_> {
    /// The instant the date line names, when it gives a date, a time and
    /// an offset from UTC (behind the `jiff` feature).
    ///
    /// ```
    /// let t = press_transcript::parse("T\n\nThứ Năm, 12/09/2019, 23:06 [GMT+7]\n\n- Hỏi?\n- Đáp.\n").unwrap();
    /// let ts = t.dateline.unwrap().timestamp().unwrap();
    /// assert_eq!(ts.to_string(), "2019-09-12T16:06:00Z");
    /// ```
    pub fn timestamp(&self) -> Option<jiff::Timestamp> {
        let date: jiff::civil::Date = self.date?.into();
        let time: jiff::civil::Time = self.time?.into();
        let offset: jiff::tz::Offset = self.utc_offset?.into();
        offset.to_timestamp(date.to_datetime(time)).ok()
    }
}
