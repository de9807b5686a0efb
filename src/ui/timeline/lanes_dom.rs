//! The lanes in the page: one `<g>` per job, placed by its transform and redrawn by
//! `draw_lane` only when its key (everything it shows) changes; kept in the lanes' order (past
//! a few hundred jobs, the jobs table's) with as few DOM moves as the order change needs.

use web_sys::Element;

use super::lane::{draw_lane, LaneKey};
use crate::sim::Simulation;
use crate::ui::dom::Dom;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

#[derive(Default)]
pub struct Lanes {
    /// Each drawn lane's key, top and element, and where each job's lane is in that list, in
    /// the core's one index type (`model::TextMap`): no hash table code of the UI's own.
    drawn: Vec<(LaneKey, i32, Element)>,
    at: crate::model::TextMap,
}

fn place(g: &Element, top: i32) {
    let _ = g.set_attribute("transform", &format!("translate(0 {top})"));
}

fn fill(g: &Element, sim: &Simulation, k: &LaneKey) {
    if let Some(mut out) = Dom::replacing(g, true) {
        draw_lane(&mut out, sim, k);
    }
}

impl Lanes {
    /// The key the lane of job `name` was last drawn with, if it is in the page.
    pub fn key(&self, name: &str) -> Option<&LaneKey> {
        self.at
            .get(name)
            .and_then(|i| self.drawn.get(i))
            .map(|(k, ..)| k)
    }

    /// Shows `rows` (each lane's key and top) in `parent`, in that order.
    pub fn show(&mut self, parent: &Element, sim: &Simulation, rows: &[(LaneKey, i32)]) {
        let Some(doc) = crate::ui::dom::doc_of(parent) else {
            return;
        };
        let mut keep = vec![false; self.drawn.len()];
        for (k, _) in rows {
            if let Some(i) = self.at.get(&k.name) {
                if let Some(k) = keep.get_mut(i) {
                    *k = true;
                }
            }
        }
        let mut keep = keep.into_iter();
        self.drawn.retain(|(.., g)| {
            let stays = keep.next().unwrap_or(false);
            if !stays {
                crate::ui::dom::remove(g);
            }
            stays
        });
        self.at.clear();
        for (i, (k, ..)) in self.drawn.iter().enumerate() {
            self.at.insert(k.name.clone(), i);
        }
        let mut order = crate::ui::dom::InOrder::new(parent);
        for (k, top) in rows {
            let g = match self.at.get(&k.name).and_then(|i| self.drawn.get_mut(i)) {
                Some((key, at, g)) => {
                    if key != k {
                        fill(g, sim, k);
                        *key = k.clone();
                    }
                    if at != top {
                        place(g, *top);
                        *at = *top;
                    }
                    g.clone()
                }
                None => {
                    let Ok(g) = doc.create_element_ns(Some(SVG_NS), "g") else {
                        continue;
                    };
                    place(&g, *top);
                    fill(&g, sim, k);
                    self.at.insert(k.name.clone(), self.drawn.len());
                    self.drawn.push((k.clone(), *top, g.clone()));
                    g
                }
            };
            order.put(&g);
        }
    }
}
