//! Grouping aligned pairs into facts: average-linkage clustering with one
//! unit per article per cluster, then [`cover_pairs`], which lets a unit join
//! several facts so no aligned pair is lost.
//!
//! Both steps read pair similarities from [`Links`], the scored candidate
//! pairs, instead of scoring every pair of members again. A pair that is not
//! a candidate (its units share none of their rarest terms and are not
//! semantic neighbours) counts as 0. Cluster-to-cluster similarity sums are
//! kept up to date as clusters merge, so a merge test costs one lookup, not
//! members × members similarity computations: the grouping grows with the
//! number of candidate pairs, not with the square of the cluster sizes.

use super::{
    GROUP_THRESHOLD, HEADLINE_THRESHOLD, MAX_GROUPS_PER_HEADLINE, MAX_GROUPS_PER_UNIT, PAIR_GROUP_THRESHOLD, Unit,
};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Maps and sets keyed by unit or cluster indices: foldhash with a fixed
/// seed (SipHash was a fifth of the grouping's time; every value read from
/// them is independent of iteration order).
pub(super) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
pub(super) type FastSet<T> = HashSet<T, foldhash::fast::FixedState>;

/// The similarity of scored candidate pairs of units: for each unit its
/// [`Links::PER_UNIT`] strongest partners at or above [`Links::FLOOR`]. A
/// pair is kept when it is among the strongest of either unit, so the links
/// grow with the number of units, not with the square of the number of
/// outlets that carry a fact.
///
/// Stored as one sorted row of partners per unit (both directions), built on
/// all cores: a hash map of a large folder's millions of pairs was filled one
/// insert at a time, and the clustering then copied it into per-unit maps.
#[derive(Default)]
pub struct Links {
    /// Where each unit's row starts in `partners` (one more entry than units).
    starts: Vec<usize>,
    /// Every unit's partners, sorted by partner index, with their similarity.
    partners: Vec<(u32, f32)>,
}

impl Links {
    /// Pairs scored below this are not kept: they change the mean
    /// similarity of two clusters by too little to matter.
    pub const FLOOR: f32 = 0.05;
    /// How many partners each unit keeps: more than the outlets of any one
    /// fact in a folder of a few dozen sources, far fewer than the pairs a
    /// unit of a large folder shares common words with.
    pub const PER_UNIT: usize = 48;

    /// The links of `scored`, pairs of distinct units, each pair once.
    ///
    /// `scored` as the aligner hands it over is sorted by `(x, y)` with
    /// `x < y`: placed in that order, each unit's partners come out sorted
    /// by partner (first those before it, met as the earlier units' forward
    /// runs, then its own run), so no row is sorted. Other input is sorted
    /// first.
    pub fn new(scored: &[(u32, u32, f32)]) -> Self {
        let ordered =
            scored.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)) && scored.iter().all(|&(x, y, _)| x < y);
        if ordered {
            return Self::from_sorted(scored);
        }
        let mut sorted: Vec<(u32, u32, f32)> = scored.iter().map(|&(x, y, s)| (x.min(y), x.max(y), s)).collect();
        sorted.sort_by_key(|&(x, y, _)| (x, y));
        sorted.dedup_by_key(|&mut (x, y, _)| (x, y));
        Self::from_sorted(&sorted)
    }

    /// [`Self::new`] of pairs sorted by `(x, y)`, `x < y`, each once.
    fn from_sorted(scored: &[(u32, u32, f32)]) -> Self {
        let units = scored.iter().map(|&(_, y, _)| y as usize + 1).max().unwrap_or(0);
        // Every unit's partners over the floor, both directions, in one
        // flat list: sorted by partner.
        let (mut starts, mut partners) = by_rows(units, || {
            scored
                .iter()
                .filter(|&&(_, _, s)| s >= Self::FLOOR)
                .flat_map(|&(x, y, s)| [(x as usize, (y, s)), (y as usize, (x, s))])
        });
        let row = |x: usize| &partners[starts[x]..starts[x + 1]];
        // Strongest first, then the lower index: a total order, so the kept
        // set does not depend on the order of `scored`. A unit of more than
        // [`Self::PER_UNIT`] partners keeps those up to its
        // [`Self::PER_UNIT`]th strongest, found by a selection.
        let stronger = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let weakest_kept: Vec<Option<(u32, f32)>> = (0..units)
            .into_par_iter()
            .map_init(Vec::new, |scratch, x| {
                let list = row(x);
                (list.len() > Self::PER_UNIT).then(|| {
                    scratch.clear();
                    scratch.extend_from_slice(list);
                    *scratch.select_nth_unstable_by(Self::PER_UNIT - 1, stronger).1
                })
            })
            .collect();
        let keeps = |x: usize, partner: &(u32, f32)| {
            weakest_kept[x].is_none_or(|weakest| stronger(partner, &weakest) != std::cmp::Ordering::Greater)
        };
        // A pair kept by either unit is a link of both: each row keeps, in
        // place and in order, the partners it keeps or that keep it; the
        // rows are then closed up.
        let lengths: Vec<usize> = split_rows(&mut partners, &starts)
            .into_par_iter()
            .enumerate()
            .map(|(x, row)| {
                let mut length = 0;
                for i in 0..row.len() {
                    let (y, s) = row[i];
                    if keeps(x, &(y, s)) || keeps(y as usize, &(x as u32, s)) {
                        row[length] = (y, s);
                        length += 1;
                    }
                }
                length
            })
            .collect();
        let mut to = 0;
        for (x, &length) in lengths.iter().enumerate() {
            partners.copy_within(starts[x]..starts[x] + length, to);
            starts[x] = to;
            to += length;
        }
        starts[units] = to;
        partners.truncate(to);
        partners.shrink_to_fit();
        Self { starts, partners }
    }

    /// The partners of unit `x`, sorted by partner index.
    fn row(&self, x: usize) -> &[(u32, f32)] {
        match (self.starts.get(x), self.starts.get(x + 1)) {
            (Some(&from), Some(&to)) => &self.partners[from..to],
            _ => &[],
        }
    }

    fn find(&self, x: usize, y: usize) -> Option<f32> {
        let row = self.row(x);
        row.binary_search_by_key(&(y as u32), |&(p, _)| p).ok().map(|i| row[i].1)
    }

    /// Whether the pair of units `x` and `y` is linked.
    pub fn contains(&self, x: usize, y: usize) -> bool {
        self.find(x, y).is_some()
    }

    /// The similarity of units `x` and `y`, 0 when they are not a candidate pair.
    pub fn get(&self, x: usize, y: usize) -> f32 {
        self.find(x, y).unwrap_or(0.0)
    }
}

/// Average-linkage agglomerative clustering with the one-unit-per-article
/// constraint, over the pairs of `sorted` (strongest first) that `builds`
/// lets build clusters (the others still count in `links`). Two clusters merge
/// when the mean similarity of all their cross pairs reaches the group
/// threshold plus `raise` (the folder's, for a folder of many stories).
/// Returns clusters of unit indices (singletons included), in
/// order of their first unit.
///
/// Clusters only ever merge along pairs of `sorted`, and a merge test reads
/// only the sum of links between its two clusters: the connected components
/// of those pairs cluster each on their own, on all cores, with the result
/// of one pass over all pairs in order (each component's pairs keep their
/// order, and the links to other components, never read, are left out).
pub fn cluster(
    units: &[Unit],
    sorted: &[(usize, usize, f32)],
    builds: impl Fn(usize, usize) -> bool,
    links: &Links,
    raise: f32,
) -> Vec<Vec<usize>> {
    // Headlines cluster with headlines, so the sources' headlines form one
    // group; a headline that reports a body sentence's fact shares a group
    // with it through `cover_pairs`.
    let mergeable = || sorted.iter().filter(|&&(x, y, _)| units[x].headline == units[y].headline && builds(x, y));
    let mut root: Vec<usize> = (0..units.len()).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for &(x, y, _) in mergeable() {
        let (rx, ry) = (find(&mut root, x), find(&mut root, y));
        if rx != ry {
            root[rx.max(ry)] = rx.min(ry);
        }
    }
    // Each unit's component (its position in `components`) and its index in
    // it; a component's units in unit order, its pairs in the order of
    // `sorted`, as indices into its units.
    let mut component_of = vec![usize::MAX; units.len()];
    let mut local = vec![0u32; units.len()];
    let mut components: Vec<Component> = Vec::new();
    let mut slot_of_root = vec![usize::MAX; units.len()];
    for x in 0..units.len() {
        let r = find(&mut root, x);
        if slot_of_root[r] == usize::MAX {
            slot_of_root[r] = components.len();
            components.push((Vec::new(), Vec::new()));
        }
        let c = slot_of_root[r];
        component_of[x] = c;
        local[x] = components[c].0.len() as u32;
        components[c].0.push(x);
    }
    drop((root, slot_of_root));
    for &(x, y, _) in mergeable() {
        components[component_of[x]].1.push((local[x], local[y]));
    }
    // (first unit of the cluster as it started, members) per component.
    let clustered: Vec<Vec<(usize, Vec<usize>)>> = components
        .par_iter()
        .enumerate()
        .with_max_len(1)
        .map(|(c, (members, pairs))| {
            if pairs.is_empty() {
                return members.iter().map(|&u| (u, vec![u])).collect();
            }
            cluster_component(units, members, pairs, links, raise, |u| (component_of[u] == c).then(|| local[u]))
        })
        .collect();
    let mut clusters: Vec<(usize, Vec<usize>)> = clustered.into_iter().flatten().collect();
    clusters.sort_unstable_by_key(|&(first, _)| first);
    clusters.into_iter().map(|(_, members)| members).collect()
}

/// A connected component of the pairs that may merge: its units, in unit
/// order, and its pairs, in the order they are tried, as indices into them.
type Component = (Vec<usize>, Vec<(u32, u32)>);

/// [`cluster`] within one connected component: `members` are its units in
/// unit order, `pairs` its pairs in the order of `sorted` as indices into
/// `members`, `local` a unit's index in `members` (`None` outside the
/// component). Returns its clusters, each with the unit it started as.
fn cluster_component(
    units: &[Unit],
    members: &[usize],
    pairs: &[(u32, u32)],
    links: &Links,
    raise: f32,
    local: impl Fn(usize) -> Option<u32>,
) -> Vec<(usize, Vec<usize>)> {
    let unit = |i: usize| &units[members[i]];
    let mut cluster_of: Vec<usize> = (0..members.len()).collect();
    let mut clustered: Vec<Vec<usize>> = (0..members.len()).map(|i| vec![i]).collect();
    // Each cluster's articles, sorted (a cluster holds one unit per article):
    // a vector per unit, not a hash set.
    let mut articles: Vec<Vec<u32>> = (0..members.len()).map(|i| vec![unit(i).article as u32]).collect();
    // Sum of link similarities between each cluster and its neighbours in
    // the component (keyed by cluster index as u32: half the bytes to
    // probe). Each map starts as the unit's row of links, at its size.
    let mut sums: Vec<FastMap<u32, f32>> = members
        .iter()
        .map(|&u| {
            let row = links.row(u);
            let mut map = FastMap::with_capacity_and_hasher(row.len(), Default::default());
            map.extend(row.iter().filter_map(|&(p, s)| local(p as usize).map(|p| (p, s))));
            map
        })
        .collect();
    for &(x, y) in pairs {
        let (x, y) = (x as usize, y as usize);
        let (cx, cy) = (cluster_of[x], cluster_of[y]);
        if cx == cy {
            continue;
        }
        let (small, large) = if articles[cx].len() <= articles[cy].len() { (cx, cy) } else { (cy, cx) };
        if articles[small].iter().any(|a| articles[large].binary_search(a).is_ok()) {
            continue;
        }
        let total = sums[cx].get(&(cy as u32)).copied().unwrap_or(0.0);
        let mean = total / (clustered[cx].len() * clustered[cy].len()) as f32;
        let threshold = if unit(x).headline { HEADLINE_THRESHOLD.min(GROUP_THRESHOLD) } else { GROUP_THRESHOLD };
        if mean < threshold + raise {
            continue;
        }
        // cy merges into cx.
        let moved = std::mem::take(&mut clustered[cy]);
        for &i in &moved {
            cluster_of[i] = cx;
        }
        clustered[cx].extend(moved);
        let moved_articles = std::mem::take(&mut articles[cy]);
        articles[cx].extend(moved_articles);
        articles[cx].sort_unstable();
        let moved_sums = std::mem::take(&mut sums[cy]);
        let (key_x, key_y) = (cx as u32, cy as u32);
        sums[cx].remove(&key_y);
        for (other, s) in moved_sums {
            if other == key_x {
                continue;
            }
            let others = &mut sums[other as usize];
            others.remove(&key_y);
            *others.entry(key_x).or_default() += s;
            *sums[cx].entry(other).or_default() += s;
        }
    }
    clustered
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(c, m)| (members[c], m.into_iter().map(|i| members[i]).collect()))
        .collect()
}

/// Makes sure every aligned pair shares a group, without throwing recall
/// away: a sentence often carries several facts, and average linkage puts
/// each unit in one cluster only. For each pair (strongest first) whose
/// units share no cluster, one unit joins a cluster of the other where it
/// fits (no unit of its article there yet, mean similarity to the members
/// at least [`GROUP_THRESHOLD`]); failing that, a pair at
/// [`PAIR_GROUP_THRESHOLD`] becomes a group of its own, if both units are in
/// fewer than [`MAX_GROUPS_PER_UNIT`] groups ([`MAX_GROUPS_PER_HEADLINE`]
/// for a headline). Both thresholds rise by the folder's `raise`. Joining
/// has no limit of groups: it adds a member to a fact, not a new fact, and
/// a unit has at most 2 × [`Links::PER_UNIT`] linked partners.
pub fn cover_pairs(
    units: &[Unit],
    sorted: &[(usize, usize, f32)],
    mut clusters: Vec<Vec<usize>>,
    links: &Links,
    raise: f32,
) -> Vec<Vec<usize>> {
    let mut member_of: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &u in members {
            member_of[u].push(c);
        }
    }
    let limit = |u: usize| if units[u].headline { MAX_GROUPS_PER_HEADLINE } else { MAX_GROUPS_PER_UNIT };
    for &(x, y, s) in sorted {
        if member_of[x].iter().any(|c| member_of[y].contains(c)) {
            continue;
        }
        let fits = |u: usize, c: usize, clusters: &[Vec<usize>]| {
            let members = &clusters[c];
            members.len() >= 2
                && !members.iter().any(|&m| units[m].article == units[u].article)
                && members.iter().map(|&m| links.get(u, m)).sum::<f32>() / members.len() as f32
                    >= GROUP_THRESHOLD + raise
        };
        let joined = [(x, y), (y, x)]
            .into_iter()
            .find_map(|(u, other)| member_of[other].iter().copied().find(|&c| fits(u, c, &clusters)).map(|c| (u, c)));
        if let Some((u, c)) = joined {
            clusters[c].push(u);
            member_of[u].push(c);
        } else if s >= PAIR_GROUP_THRESHOLD + raise && member_of[x].len() < limit(x) && member_of[y].len() < limit(y) {
            member_of[x].push(clusters.len());
            member_of[y].push(clusters.len());
            clusters.push(vec![x, y]);
        }
    }
    clusters
}

/// `items` (row, item) gathered by row, each row's items in the order
/// `items` gives them (a counting sort: counted first, then placed, each
/// list allocated once at its size). Returns where each of the `rows` rows
/// starts, with one more entry for the end, and the items. `items` is read
/// twice.
pub(super) fn by_rows<T: Copy + Default, I: Iterator<Item = (usize, T)>>(
    rows: usize,
    items: impl Fn() -> I,
) -> (Vec<usize>, Vec<T>) {
    let mut starts = vec![0usize; rows + 1];
    for (row, _) in items() {
        starts[row + 1] += 1;
    }
    for x in 1..starts.len() {
        starts[x] += starts[x - 1];
    }
    let mut placed = vec![T::default(); starts[rows]];
    let mut next = starts[..rows].to_vec();
    for (row, item) in items() {
        placed[next[row]] = item;
        next[row] += 1;
    }
    (starts, placed)
}

/// `flat` cut into its rows: row `x` is `flat[starts[x]..starts[x + 1]]`.
pub(super) fn split_rows<'a, T>(flat: &'a mut [T], starts: &[usize]) -> Vec<&'a mut [T]> {
    let mut rows = Vec::with_capacity(starts.len().saturating_sub(1));
    let mut rest = flat;
    for bounds in starts.windows(2) {
        let (row, after) = rest.split_at_mut(bounds[1] - bounds[0]);
        rows.push(row);
        rest = after;
    }
    rows
}

/// Sorts `row` by `key` and moves its first item of each key to the front,
/// in order: returns how many there are (a slice's `dedup_by_key`).
pub(super) fn sort_dedup_by_key<T: Copy, K: Ord>(row: &mut [T], key: impl Fn(&T) -> K) -> usize {
    row.sort_unstable_by_key(&key);
    let mut kept = 0;
    for i in 0..row.len() {
        if kept == 0 || key(&row[kept - 1]) != key(&row[i]) {
            row[kept] = row[i];
            kept += 1;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::super::seeded;
    use super::*;

    fn unit(article: usize) -> Unit {
        Unit::bare(article, 0)
    }

    #[test]
    fn average_linkage_keeps_one_unit_per_article_and_counts_missing_links_as_zero() {
        // Units 0, 1, 2 from articles 0, 1, 2 are all alike; unit 3 (article
        // 0 again) is alike to 1 only, and unit 4 (article 3) to 2 only, too
        // weakly for the mean over the whole cluster.
        let units: Vec<Unit> = [0, 1, 2, 0, 3].into_iter().map(unit).collect();
        let scored = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (1, 3, 0.95), (2, 4, 0.5)];
        let links = Links::new(&scored);
        let mut sorted: Vec<(usize, usize, f32)> =
            scored.iter().map(|&(x, y, s)| (x as usize, y as usize, s)).collect();
        sorted.sort_by(|a, b| b.2.total_cmp(&a.2));
        let clusters = cluster(&units, &sorted, |_, _| true, &links, 0.0);
        // 1 and 3 merge first (0.95); then 0 cannot join (article 0 is
        // there), 2 joins {1, 3} only if the mean (0.85 + 0) / 2 reaches the
        // threshold, which it does; 4 then needs (0.5 + 0 + 0) / 3.
        assert!(clusters.contains(&vec![1, 3, 2]), "{clusters:?}");
        assert!(clusters.contains(&vec![0]) && clusters.contains(&vec![4]), "{clusters:?}");
        // Every aligned pair shares a group after cover_pairs: 0 cannot join
        // {1, 3, 2} (unit 3 is of article 0), so 0–1 becomes a group of its
        // own, which 2 then joins; 2–4 becomes a pair group.
        let covered = cover_pairs(&units, &sorted, clusters, &links, 0.0);
        for &(x, y, _) in &sorted {
            assert!(covered.iter().any(|c| c.contains(&x) && c.contains(&y)), "{x}–{y} apart: {covered:?}");
        }
    }

    /// The clustering as one pass over all pairs (before it went by
    /// components): the reference the component-wise [`cluster`] must match.
    fn cluster_in_one_pass(units: &[Unit], sorted: &[(usize, usize, f32)], links: &Links) -> Vec<Vec<usize>> {
        let mut cluster_of: Vec<usize> = (0..units.len()).collect();
        let mut members: Vec<Vec<usize>> = (0..units.len()).map(|i| vec![i]).collect();
        let mut articles: Vec<Vec<u32>> = units.iter().map(|u| vec![u.article as u32]).collect();
        let mut sums: Vec<FastMap<u32, f32>> =
            (0..units.len()).map(|x| links.row(x).iter().copied().collect()).collect();
        for &(x, y, _) in sorted {
            let (cx, cy) = (cluster_of[x], cluster_of[y]);
            if cx == cy || units[x].headline != units[y].headline {
                continue;
            }
            if articles[cx].iter().any(|a| articles[cy].contains(a)) {
                continue;
            }
            let total = sums[cx].get(&(cy as u32)).copied().unwrap_or(0.0);
            let mean = total / (members[cx].len() * members[cy].len()) as f32;
            let threshold = if units[x].headline { HEADLINE_THRESHOLD.min(GROUP_THRESHOLD) } else { GROUP_THRESHOLD };
            if mean < threshold {
                continue;
            }
            let moved = std::mem::take(&mut members[cy]);
            for &i in &moved {
                cluster_of[i] = cx;
            }
            members[cx].extend(moved);
            let moved_articles = std::mem::take(&mut articles[cy]);
            articles[cx].extend(moved_articles);
            let moved_sums = std::mem::take(&mut sums[cy]);
            let (key_x, key_y) = (cx as u32, cy as u32);
            sums[cx].remove(&key_y);
            for (other, s) in moved_sums {
                if other != key_x {
                    sums[other as usize].remove(&key_y);
                    *sums[other as usize].entry(key_x).or_default() += s;
                    *sums[cx].entry(other).or_default() += s;
                }
            }
        }
        members.into_iter().filter(|m| !m.is_empty()).collect()
    }

    #[test]
    fn clustering_by_components_is_clustering_in_one_pass() {
        // Pseudo-random folders (a fixed linear congruential generator):
        // units of 12 articles, a few headlines, pairs of all strengths,
        // some above the threshold only, some below the links' floor.
        let mut next = seeded(0x2545_f491_4f6c_dd1du64);
        for round in 0..40 {
            let count = 20 + next(60) as usize;
            let units: Vec<Unit> =
                (0..count).map(|i| Unit { headline: next(10) == 0, ..Unit::bare(next(12) as usize, i) }).collect();
            let mut scored: Vec<(u32, u32, f32)> = Vec::new();
            for _ in 0..count * (1 + round % 4) {
                let (x, y) = (next(count as u64) as u32, next(count as u64) as u32);
                if x != y && !scored.iter().any(|&(a, b, _)| (a, b) == (x.min(y), x.max(y))) {
                    scored.push((x.min(y), x.max(y), next(1000) as f32 / 1000.0));
                }
            }
            let links = Links::new(&scored);
            let mut sorted: Vec<(usize, usize, f32)> =
                scored.iter().filter(|&&(_, _, s)| s >= 0.3).map(|&(x, y, s)| (x as usize, y as usize, s)).collect();
            sorted.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
            let clusters = cluster(&units, &sorted, |_, _| true, &links, 0.0);
            assert_eq!(clusters, cluster_in_one_pass(&units, &sorted, &links), "round {round}");
            assert!(clusters.iter().any(|c| c.len() > 2), "round {round} merges something");
        }
    }

    #[test]
    fn a_unit_joins_every_fact_it_fits_however_many() {
        // Unit 0 (a lead sentence) reports four facts, each carried by two
        // other outlets (units 1–8, one article each): it clusters with the
        // first pair, and must join the other three as well.
        let units: Vec<Unit> = (0..9).map(unit).collect();
        let mut scored = vec![(1, 2, 0.9), (3, 4, 0.9), (5, 6, 0.9), (7, 8, 0.9)];
        scored.extend((1..9).map(|y| (0, y, 0.5)));
        let links = Links::new(&scored);
        let mut sorted: Vec<(usize, usize, f32)> =
            scored.iter().map(|&(x, y, s)| (x as usize, y as usize, s)).collect();
        sorted.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
        let covered = cover_pairs(&units, &sorted, cluster(&units, &sorted, |_, _| true, &links, 0.0), &links, 0.0);
        let facts: Vec<&Vec<usize>> = covered.iter().filter(|c| c.len() >= 2).collect();
        assert_eq!(facts.len(), 4, "{covered:?}");
        assert!(facts.iter().all(|c| c.len() == 3 && c.contains(&0)), "{covered:?}");
    }

    /// [`Links::new`] as it was before it read the order of `scored`: the
    /// reference the new build must match.
    fn links_by_sorting_rows(scored: &[(u32, u32, f32)]) -> Links {
        // Each unit's partners, then its strongest kept: a selection per
        // unit, not one sort of every directed pair.
        let units = scored.iter().map(|&(x, y, _)| x.max(y) as usize + 1).max().unwrap_or(0);
        let kept = || scored.iter().filter(|&&(_, _, s)| s >= Links::FLOOR);
        // Counted first, so each list is allocated once at its size (a
        // large folder has tens of millions of partners).
        let mut counts = vec![0usize; units];
        for &(x, y, _) in kept() {
            counts[x as usize] += 1;
            counts[y as usize] += 1;
        }
        let mut partners: Vec<Vec<(u32, f32)>> = counts.into_iter().map(Vec::with_capacity).collect();
        for &(x, y, s) in kept() {
            partners[x as usize].push((y, s));
            partners[y as usize].push((x, s));
        }
        // Strongest first, then the lower index: a total order, so the kept
        // set does not depend on the order of `scored`.
        let stronger = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        partners.par_iter_mut().filter(|list| list.len() > Links::PER_UNIT).for_each(|list| {
            list.select_nth_unstable_by(Links::PER_UNIT - 1, stronger);
            list.truncate(Links::PER_UNIT);
        });
        // A pair kept by either unit is a link of both: every kept pair goes
        // into the rows of both its units (counted first, then placed), and
        // each row is sorted by partner with the pair kept by both units
        // once. No sort of all the directed pairs: rows are short.
        let mut row_capacity = vec![0usize; units];
        for (x, list) in partners.iter().enumerate() {
            row_capacity[x] += list.len();
            for &(y, _) in list {
                row_capacity[y as usize] += 1;
            }
        }
        let mut bounds = Vec::with_capacity(units + 1);
        bounds.push(0);
        let mut at = 0;
        for &capacity in &row_capacity {
            at += capacity;
            bounds.push(at);
        }
        let mut placed: Vec<(u32, f32)> = vec![(0, 0.0); at];
        let mut next = bounds[..units].to_vec();
        for (x, list) in partners.iter().enumerate() {
            for &(y, s) in list {
                placed[next[x]] = (y, s);
                next[x] += 1;
                placed[next[y as usize]] = (x as u32, s);
                next[y as usize] += 1;
            }
        }
        drop((partners, next));
        let mut rows: Vec<&mut [(u32, f32)]> = Vec::with_capacity(units);
        let mut rest = placed.as_mut_slice();
        for &capacity in &row_capacity {
            let (row, after) = rest.split_at_mut(capacity);
            rows.push(row);
            rest = after;
        }
        // Each row sorted by partner, the pairs both units kept once (same
        // similarity either way); the row's length after.
        let lengths: Vec<usize> = rows.into_par_iter().map(|row| sort_dedup_by_key(row, |&(y, _)| y)).collect();
        let mut starts = Vec::with_capacity(units + 1);
        starts.push(0);
        let mut to = 0;
        for (x, &length) in lengths.iter().enumerate() {
            placed.copy_within(bounds[x]..bounds[x] + length, to);
            to += length;
            starts.push(to);
        }
        placed.truncate(to);
        placed.shrink_to_fit();
        Links { starts, partners: placed }
    }

    #[test]
    fn links_from_the_sorted_pairs_are_the_links_of_sorting_every_row() {
        // Pseudo-random pairs (a fixed linear congruential generator): units
        // of many partners (more than kept) and of few, ties of similarity,
        // some below the floor; handed over sorted, as the aligner does, and
        // in another order.
        let mut next = seeded(0x9e37_79b9_7f4a_7c15u64);
        let mut capped = 0;
        for round in 0..30 {
            let count = 10 + next(200) as u32;
            let mut scored: Vec<(u32, u32, f32)> = Vec::new();
            for _ in 0..count * (1 + round % 5) * 8 {
                let (x, y) = (next(count as u64) as u32, next(count as u64) as u32);
                // A few hubs meet most of the pairs.
                let x = if next(3) == 0 { x % 4 } else { x };
                if x != y && !scored.iter().any(|&(a, b, _)| (a, b) == (x.min(y), x.max(y))) {
                    scored.push((x.min(y), x.max(y), next(40) as f32 / 40.0));
                }
            }
            let reference = links_by_sorting_rows(&scored);
            let mut sorted = scored.clone();
            sorted.sort_by_key(|&(x, y, _)| (x, y));
            for (order, pairs) in [("sorted", &sorted), ("unsorted", &scored)] {
                let links = Links::new(pairs);
                assert_eq!(links.starts, reference.starts, "round {round}, {order}");
                assert_eq!(links.partners, reference.partners, "round {round}, {order}");
            }
            let degree = |u: u32| scored.iter().filter(|&&(x, y, s)| (x == u || y == u) && s >= Links::FLOOR).count();
            capped += usize::from(degree(0) > Links::PER_UNIT);
        }
        assert!(capped >= 10, "only {capped} rounds cap a unit's partners");
    }
}
