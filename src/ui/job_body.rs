//! The jobs table's body: the shown page's rows, keyed by job name, kept in the page's order
//! with as few DOM moves as the order change needs. A row that stays is updated in place
//! (`RowDom::set`), so sorting, paging and ticking never rebuild what is already there.

use std::ops::Range;

use web_sys::Element;

use super::dom::{Dom, Writer};
use super::job_row::RowDom;
use super::job_rows::JobRow;
use crate::i18n::{Lang, Text};

#[derive(Default)]
pub struct Body {
    /// The drawn rows with their jobs' names, and where each name's row is in that list, in
    /// the core's one index type (`model::TextMap`): no hash table code of the UI's own.
    rows: Vec<(String, RowDom)>,
    at: crate::model::TextMap,
    /// The "no jobs" line, while the page is empty.
    empty: Option<Element>,
}

impl Body {
    /// Shows `shown` in `tbody`. Rows outside `fresh` that are already drawn keep their values
    /// (a big world brings the rows out of view up to date later); new rows are always drawn.
    pub fn show(
        &mut self,
        tbody: &Element,
        shown: &[JobRow],
        fresh: Range<usize>,
        selected: Option<&str>,
        lang: Lang,
    ) {
        let Some(doc) = crate::ui::dom::doc_of(tbody) else {
            return;
        };
        if let Some(old) = self.empty.take() {
            crate::ui::dom::remove(&old);
        }
        // Which drawn rows stay, marked through `at` (each drawn row's place, kept up to date
        // by every show): a set of the shown names would add a hash table of its own type.
        let mut keep = vec![false; self.rows.len()];
        for r in shown {
            if let Some(i) = self.at.get(&r.name) {
                if let Some(k) = keep.get_mut(i) {
                    *k = true;
                }
            }
        }
        let mut keep = keep.into_iter();
        self.rows.retain(|(_, row)| {
            let stays = keep.next().unwrap_or(false);
            if !stays {
                crate::ui::dom::remove(&row.tr);
            }
            stays
        });
        self.at.clear();
        for (i, (name, _)) in self.rows.iter().enumerate() {
            self.at.insert(name.clone(), i);
        }
        let mut order = crate::ui::dom::InOrder::new(tbody);
        for (i, r) in shown.iter().enumerate() {
            let sel = selected == Some(r.name.as_str());
            let drawn = self.at.get(&r.name);
            let row = match drawn.and_then(|at| self.rows.get_mut(at)) {
                Some((_, row)) => {
                    if fresh.contains(&i) {
                        row.set(r, sel);
                    } else {
                        row.select(sel);
                    }
                    row
                }
                None => {
                    let Ok(tr) = doc.create_element("tr") else {
                        continue;
                    };
                    self.at.insert(r.name.clone(), self.rows.len());
                    self.rows.push((r.name.clone(), RowDom::new(tr, r, sel)));
                    match self.rows.last() {
                        Some((_, row)) => row,
                        None => continue,
                    }
                }
            };
            order.put(&row.tr);
        }
        if shown.is_empty() {
            let Ok(tr) = doc.create_element("tr") else {
                return;
            };
            if let Some(mut w) = Dom::replacing(&tr, false) {
                w.open("td")
                    .attr("colspan", "7")
                    .attr("class", "empty")
                    .text(lang.t(Text::NoJobs))
                    .close();
            }
            let _ = tbody.append_child(&tr);
            self.empty = Some(tr);
        }
    }
}
