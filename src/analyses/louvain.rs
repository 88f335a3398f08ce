//! Communities of a small weighted graph by the Louvain method (Blondel,
//! Guillaume, Lambiotte & Lefebvre 2008): move each node to the neighbouring
//! community that raises modularity most, until none does; then merge each
//! community into one node and repeat. Nodes are visited in index order, so
//! the same graph always gives the same communities.

/// The community of each of `nodes` nodes (0 the largest, then by first
/// node) and the modularity, for undirected `edges` (a, b, weight).
pub fn communities(nodes: usize, edges: &[(usize, usize, f64)]) -> (Vec<usize>, f64) {
    let mut of_node: Vec<usize> = (0..nodes).collect();
    let mut graph = Graph::new(nodes, edges.iter().copied());
    loop {
        let moved = graph.local_moves();
        let renumbered = renumber(&moved);
        for c in of_node.iter_mut() {
            *c = renumbered[*c];
        }
        let count = renumbered.iter().max().map_or(0, |m| m + 1);
        if count == graph.nodes {
            break;
        }
        graph = graph.aggregate(&renumbered, count);
    }
    let modularity = Graph::new(nodes, edges.iter().copied()).modularity(&of_node);
    (by_size(&of_node), modularity)
}

/// An undirected weighted graph as adjacency lists (a self-loop counts its
/// weight twice in the degree, as in the aggregated graphs of Louvain).
struct Graph {
    nodes: usize,
    neighbours: Vec<Vec<(usize, f64)>>,
    degree: Vec<f64>,
    total: f64,
}

impl Graph {
    fn new(nodes: usize, edges: impl Iterator<Item = (usize, usize, f64)>) -> Graph {
        let mut neighbours = vec![Vec::new(); nodes];
        let mut degree = vec![0.0; nodes];
        for (a, b, w) in edges {
            neighbours[a].push((b, w));
            if a != b {
                neighbours[b].push((a, w));
            }
            degree[a] += w;
            degree[b] += w;
        }
        let total = degree.iter().sum::<f64>() / 2.0;
        Graph { nodes, neighbours, degree, total }
    }

    /// One phase of moves: the community of each node.
    fn local_moves(&self) -> Vec<usize> {
        let mut community: Vec<usize> = (0..self.nodes).collect();
        let mut community_degree = self.degree.clone();
        if self.total == 0.0 {
            return community;
        }
        let m2 = 2.0 * self.total;
        let mut improved = true;
        let mut rounds = 0;
        while improved && rounds < 100 {
            improved = false;
            rounds += 1;
            for node in 0..self.nodes {
                let own = community[node];
                // Weights from `node` to each neighbouring community.
                let mut links: Vec<(usize, f64)> = Vec::new();
                for &(other, w) in &self.neighbours[node] {
                    if other == node {
                        continue;
                    }
                    match links.iter_mut().find(|l| l.0 == community[other]) {
                        Some(l) => l.1 += w,
                        None => links.push((community[other], w)),
                    }
                }
                community_degree[own] -= self.degree[node];
                let gain = |c: usize, w: f64| w - community_degree[c] * self.degree[node] / m2;
                let stay = links.iter().find(|l| l.0 == own).map_or(0.0, |l| l.1);
                let mut best = (own, gain(own, stay));
                for &(c, w) in &links {
                    let g = gain(c, w);
                    if g > best.1 + 1e-12 {
                        best = (c, g);
                    }
                }
                community_degree[best.0] += self.degree[node];
                if best.0 != own {
                    community[node] = best.0;
                    improved = true;
                }
            }
        }
        community
    }

    /// The graph of communities: one node each, weights summed.
    fn aggregate(&self, community: &[usize], count: usize) -> Graph {
        let mut weights: std::collections::BTreeMap<(usize, usize), f64> = Default::default();
        for (a, list) in self.neighbours.iter().enumerate() {
            for &(b, w) in list {
                let (ca, cb) = (community[a], community[b]);
                // Each edge is listed from both ends (a self-loop once).
                let w = if a == b { w } else { w / 2.0 };
                *weights.entry((ca.min(cb), ca.max(cb))).or_insert(0.0) += w;
            }
        }
        Graph::new(count, weights.into_iter().map(|((a, b), w)| (a, b, w)))
    }

    /// Newman's modularity of `community`.
    fn modularity(&self, community: &[usize]) -> f64 {
        if self.total == 0.0 {
            return 0.0;
        }
        let m2 = 2.0 * self.total;
        let count = community.iter().max().map_or(0, |m| m + 1);
        let mut inside = vec![0.0; count];
        let mut degree = vec![0.0; count];
        for (a, list) in self.neighbours.iter().enumerate() {
            degree[community[a]] += self.degree[a];
            for &(b, w) in list {
                if community[a] == community[b] {
                    inside[community[a]] += if a == b { 2.0 * w } else { w };
                }
            }
        }
        (0..count).map(|c| inside[c] / m2 - (degree[c] / m2).powi(2)).sum()
    }
}

/// Community numbers 0.. in order of first node.
fn renumber(community: &[usize]) -> Vec<usize> {
    let mut numbers = vec![usize::MAX; community.len()];
    let mut next = 0;
    community
        .iter()
        .map(|&c| {
            if numbers[c] == usize::MAX {
                numbers[c] = next;
                next += 1;
            }
            numbers[c]
        })
        .collect()
}

/// Community numbers by size, largest first (ties: first node first).
fn by_size(community: &[usize]) -> Vec<usize> {
    let count = community.iter().max().map_or(0, |m| m + 1);
    let mut sizes: Vec<(usize, usize)> =
        (0..count).map(|c| (c, community.iter().filter(|&&x| x == c).count())).collect();
    sizes.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut rank = vec![0; count];
    for (r, (c, _)) in sizes.into_iter().enumerate() {
        rank[c] = r;
    }
    community.iter().map(|&c| rank[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_one_edge_are_two_communities() {
        let edges = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 0.1)];
        let (community, modularity) = communities(6, &edges);
        assert_eq!(community[0], community[1]);
        assert_eq!(community[1], community[2]);
        assert_eq!(community[3], community[4]);
        assert_ne!(community[0], community[3]);
        // Two triangles of weight 3 each, one bridge of 0.1: Q = 1 − 2·(6.1/12.2)² − 0.1/6.1·…
        assert!(modularity > 0.45 && modularity < 0.5, "{modularity}");
    }

    #[test]
    fn no_edges() {
        assert_eq!(communities(3, &[]), (vec![0, 1, 2], 0.0));
    }
}
