//! The co-occurrence network, as KH Coder draws it: words that occur in the
//! same sentences (or paragraphs), linked by the Jaccard coefficient of the
//! sets of units each occurs in.
//!
//! - Words: content words (nouns, verbs, adjectives, idioms and the like by
//!   their tag; no stopwords), the most widespread first: the smallest
//!   number of units is set so that about [`NetworkOptions::words`] enter
//!   (and at least 2).
//! - Edges: the strongest [`NetworkOptions::edges`] by Jaccard |A∩B| / |A∪B|;
//!   only words with an edge are drawn.
//! - Communities: Louvain modularity optimisation (Blondel et al. 2008) over
//!   the edges weighted by Jaccard; KH Coder uses igraph's fast-greedy, which
//!   optimises the same modularity.
//! - Layout: a force simulation (fjadra, a port of d3-force) from fixed
//!   starting points and a fixed seed, so the same text draws the same
//!   picture.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::document::WordId;

/// The unit words co-occur in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum CooccurrenceUnit {
    /// Runs of tokens ended by 。！？；… or a line break.
    #[default]
    Sentence,
    /// Lines.
    Paragraph,
}

/// What to draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkOptions {
    /// The unit.
    pub unit: CooccurrenceUnit,
    /// About how many words enter (120).
    pub words: usize,
    /// How many edges are drawn (60).
    pub edges: usize,
}

impl Default for NetworkOptions {
    fn default() -> Self {
        NetworkOptions { unit: CooccurrenceUnit::Sentence, words: 120, edges: 60 }
    }
}

/// A word of the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Node {
    /// The word.
    pub word: String,
    /// Its tokens (the node's size).
    pub count: usize,
    /// How many units it occurs in.
    pub units: usize,
    /// Its community, 0 the largest.
    pub community: usize,
    /// Its number of edges.
    pub degree: usize,
    /// Where the layout put it, about −1 to 1.
    pub x: f64,
    /// See `x`.
    pub y: f64,
}

/// Two words that co-occur.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Edge {
    /// A node's index.
    pub source: usize,
    /// The other node's index.
    pub target: usize,
    /// |A∩B| / |A∪B| over units.
    pub jaccard: f64,
    /// |A∩B|: the units both occur in.
    pub together: usize,
}

/// The network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Network {
    /// Words with at least one edge.
    pub nodes: Vec<Node>,
    /// The strongest edges, strongest first.
    pub edges: Vec<Edge>,
    /// The fewest units a word entered with.
    pub min_count: usize,
    /// How many units the text has.
    pub units: usize,
    /// How many communities.
    pub communities: usize,
    /// The modularity of the communities.
    pub modularity: f64,
}

/// Whether a word with tag `tag` is a content word.
fn is_content(tag: &str) -> bool {
    matches!(tag.as_bytes().first(), Some(b'n' | b'v' | b'a' | b'i' | b'l' | b'j' | b's' | b't' | b'z')) || tag == "eng"
}

/// The co-occurrence network of `document`.
pub fn network(document: &Document, options: &NetworkOptions) -> Network {
    let units = unit_words(document, options.unit);
    let (chosen, min_count) = choose_words(document, &units, options.words.max(2));
    let index: HashMap<WordId, usize> = chosen.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut spread = vec![0usize; chosen.len()];
    let mut together: HashMap<(usize, usize), usize> = HashMap::default();
    for words in &units {
        let mut here: Vec<usize> = words.iter().filter_map(|id| index.get(id).copied()).collect();
        here.sort_unstable();
        here.dedup();
        for (k, &a) in here.iter().enumerate() {
            spread[a] += 1;
            for &b in &here[k + 1..] {
                *together.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut edges: Vec<(usize, usize, f64, usize)> = together
        .into_iter()
        .map(|((a, b), both)| (a, b, both as f64 / (spread[a] + spread[b] - both) as f64, both))
        .collect();
    let vocabulary = document.vocabulary();
    edges.sort_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then(y.3.cmp(&x.3))
            .then_with(|| vocabulary.word(chosen[x.0]).cmp(vocabulary.word(chosen[y.0])))
            .then_with(|| vocabulary.word(chosen[x.1]).cmp(vocabulary.word(chosen[y.1])))
    });
    edges.truncate(options.edges);

    // Only words with an edge, in order of first edge.
    let mut node_of: HashMap<usize, usize> = HashMap::default();
    let mut members: Vec<usize> = Vec::new();
    for &(a, b, ..) in &edges {
        for w in [a, b] {
            node_of.entry(w).or_insert_with(|| {
                members.push(w);
                members.len() - 1
            });
        }
    }
    let links: Vec<(usize, usize, f64)> = edges.iter().map(|&(a, b, j, _)| (node_of[&a], node_of[&b], j)).collect();
    let (community, modularity) = super::louvain::communities(members.len(), &links);
    let positions = layout(members.len(), &links, &community);
    let mut degree = vec![0; members.len()];
    for &(a, b, _) in &links {
        degree[a] += 1;
        degree[b] += 1;
    }
    let nodes = members
        .iter()
        .enumerate()
        .map(|(n, &w)| Node {
            word: vocabulary.word(chosen[w]).to_string(),
            count: vocabulary.count(chosen[w]),
            units: spread[w],
            community: community[n],
            degree: degree[n],
            x: positions[n][0],
            y: positions[n][1],
        })
        .collect();
    Network {
        nodes,
        edges: edges
            .iter()
            .map(|&(a, b, jaccard, together)| Edge { source: node_of[&a], target: node_of[&b], jaccard, together })
            .collect(),
        min_count,
        units: units.len(),
        communities: community.iter().max().map_or(0, |m| m + 1),
        modularity,
    }
}

/// Per unit, the content words in it (repeats kept; the caller dedups).
fn unit_words(document: &Document, unit: CooccurrenceUnit) -> Vec<Vec<WordId>> {
    let starts = match unit {
        CooccurrenceUnit::Sentence => document.sentence_starts(),
        CooccurrenceUnit::Paragraph => document.paragraph_starts(),
    };
    let words = document.word_tokens(true);
    let mut units = vec![Vec::new(); starts.len()];
    for &i in words {
        let unit = starts.partition_point(|&s| s <= i);
        if unit == 0 || !is_content(document.tag(i as usize)) {
            continue;
        }
        units[unit - 1].push(document.id(i as usize));
    }
    units
}

/// The words that enter: the most widespread, down to the smallest number
/// of units that lets about `wanted` in (and never fewer than 2 units).
fn choose_words(document: &Document, units: &[Vec<WordId>], wanted: usize) -> (Vec<WordId>, usize) {
    let mut spread: HashMap<WordId, usize> = HashMap::default();
    for words in units {
        let mut here = words.clone();
        here.sort_unstable();
        here.dedup();
        for id in here {
            *spread.entry(id).or_insert(0) += 1;
        }
    }
    let mut all: Vec<(WordId, usize)> = spread.into_iter().filter(|&(_, n)| n >= 2).collect();
    let vocabulary = document.vocabulary();
    all.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| vocabulary.word(x.0).cmp(vocabulary.word(y.0))));
    let Some(&(_, at_wanted)) = all.get(wanted.saturating_sub(1)).or(all.last()) else {
        return (Vec::new(), 2);
    };
    // All words as widespread as the last one that enters, unless that
    // lets in half as many again: then one more unit is needed.
    let mut min_count = at_wanted;
    if all.iter().filter(|w| w.1 >= min_count).count() > wanted * 3 / 2 {
        min_count += 1;
    }
    let chosen: Vec<WordId> = all.iter().filter(|w| w.1 >= min_count).map(|w| w.0).collect();
    (chosen, min_count)
}

/// A force layout from fixed starting points: linked words pull together,
/// all push apart, communities start near each other.
fn layout(nodes: usize, links: &[(usize, usize, f64)], community: &[usize]) -> Vec<[f64; 2]> {
    use fjadra::{Center, Collide, Link, ManyBody, Node, PositionX, PositionY, SimulationBuilder};
    if nodes == 0 {
        return Vec::new();
    }
    let communities = community.iter().max().map_or(1, |m| m + 1) as f64;
    let start = |n: usize| {
        // Each community starts on its own spoke.
        let angle = std::f64::consts::TAU * community[n] as f64 / communities;
        let r = 40.0 + 4.0 * (n % 7) as f64;
        Node::default().position(r * angle.cos() + (n % 5) as f64, r * angle.sin() + (n % 3) as f64)
    };
    let strengths: Vec<f64> = links.iter().map(|l| 0.3 + l.2).collect();
    let mut simulation = SimulationBuilder::default()
        .build((0..nodes).map(start))
        .add_force(
            "link",
            Link::new(links.iter().map(|&(a, b, _)| (a, b)))
                .distance(30.0)
                .strength(move |_: &_, i: usize| strengths[i]),
        )
        .add_force("charge", ManyBody::new().strength(-60.0))
        .add_force("collide", Collide::new().radius(|_| 12.0))
        .add_force("center", Center::new())
        // A pull to the middle keeps the pieces of a graph that falls apart
        // (a short text's) near each other.
        .add_force("x", PositionX::new().strength(0.06))
        .add_force("y", PositionY::new().strength(0.06));
    simulation.step();
    let positions: Vec<[f64; 2]> = simulation.positions().collect();
    let extent = positions.iter().flat_map(|p| [p[0].abs(), p[1].abs()]).fold(1e-9, f64::max);
    positions.into_iter().map(|[x, y]| [x / extent, y / extent]).collect()
}
