//! The wasm build's memory allocator: blocks in size classes, each class with a list of freed
//! blocks, new blocks cut from the end of memory.
//!
//! Why not the standard library's (dlmalloc): its code is about 5 KB of the wasm, and this
//! app's allocations do not need what that code buys (splitting and merging free blocks). A
//! freed block is reused by the next allocation of its class; memory is never given back to
//! the browser, which a wasm module cannot do anyway. The price is memory: a block is up to a
//! quarter larger than asked (classes are 8, 16, 32, 64 bytes, then four per doubling), and a
//! freed block serves only its own class. README → Performance has the figures.
//!
//! The logic (`Heap`) takes memory from a `grow` function, so the native tests run it over an
//! ordinary buffer (`tests/heap.rs`); only `Wasm` below touches the wasm memory.

/// The largest alignment a block is given: memory grows by 64 KiB pages.
const MAX_ALIGN: usize = 1 << 16;
/// Number of classes: 8 to 64 bytes, then four per doubling up to 2^31 bytes.
const CLASSES: usize = 104;

/// The allocator's state: the first free block of each class, and the unused memory at the end.
pub struct Heap {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub const fn new() -> Self {
        Self {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// The class of a block that holds `size` bytes aligned to `align`. None when no class is
    /// large enough or the alignment is more than a page.
    pub fn class_of(size: usize, align: usize) -> Option<usize> {
        if align > MAX_ALIGN {
            return None;
        }
        // Blocks under 16 bytes are only aligned to 8: a wider alignment needs a wider block.
        let mut need = size.max(align).max(8);
        if align > 16 {
            // Rare: a power of two, whose blocks are aligned to their size (up to a page).
            need = need.max(align).checked_next_power_of_two()?;
        }
        if need <= 64 {
            return Some(need.next_power_of_two().trailing_zeros() as usize - 3);
        }
        // 2^(k-1) < need <= 2^k, split into four steps of 2^(k-3).
        let k = (usize::BITS - (need - 1).leading_zeros()) as usize;
        let step = k - 3;
        let sub = (need - (1 << (k - 1))).div_ceil(1 << step);
        let class = 4 + (k - 7) * 4 + sub - 1;
        (class < CLASSES).then_some(class)
    }

    /// The bytes of a block of `class`.
    pub fn size_of(class: usize) -> usize {
        if class < 4 {
            return 8 << class;
        }
        let k = (class - 4) / 4 + 7;
        (1 << (k - 1)) + ((class - 4) % 4 + 1) * (1 << (k - 3))
    }

    /// Where a block of `class` may start: the largest power of two its size is a multiple
    /// of, up to a page. A block of 2^k bytes is aligned to its size, so every alignment
    /// `class_of` sends to it is met.
    fn align_of(class: usize) -> usize {
        let size = Self::size_of(class);
        (size & size.wrapping_neg()).min(MAX_ALIGN)
    }

    /// A block of `class`, from its free list or cut from the end; `grow(bytes)` returns the
    /// address and length of at least `bytes` new bytes (right after the memory handed out so
    /// far, or elsewhere), or None when there is no more memory. Returns 0 when out of memory.
    ///
    /// # Safety
    /// The memory `grow` hands out and the blocks given back by `free` must be valid, owned
    /// by this heap and not otherwise in use.
    pub unsafe fn take(
        &mut self,
        class: usize,
        grow: impl FnOnce(usize) -> Option<(usize, usize)>,
    ) -> usize {
        let head = self.free[class];
        if head != 0 {
            // SAFETY: a freed block of this class holds the next free block's address.
            self.free[class] = unsafe { (head as *const usize).read() };
            return head;
        }
        let size = Self::size_of(class);
        let align = Self::align_of(class);
        let mut start = (self.next + align - 1) & !(align - 1);
        if start < self.next || start.checked_add(size).is_none_or(|e| e > self.end) {
            let Some((at, len)) = grow(size + align) else {
                return 0;
            };
            if at != self.end {
                // Not contiguous: the unused tail of the old region is left as it is.
                self.next = at;
            }
            self.end = at + len;
            start = (self.next + align - 1) & !(align - 1);
        }
        self.next = start + size;
        start
    }

    /// Grows `block` of class `from` to class `to` where it is, when it is the last block cut
    /// and its place suits the larger class: a vector or text that keeps growing then does not
    /// leave a trail of smaller free blocks behind it. False when it cannot; the caller then
    /// moves it.
    ///
    /// # Safety
    /// `block` came from `take` with class `from` and is in use; `grow` as for `take`.
    pub unsafe fn extend(
        &mut self,
        block: usize,
        from: usize,
        to: usize,
        grow: impl FnOnce(usize) -> Option<(usize, usize)>,
    ) -> bool {
        if to < from
            || block + Self::size_of(from) != self.next
            || !block.is_multiple_of(Self::align_of(to))
        {
            return false;
        }
        let Some(need) = block.checked_add(Self::size_of(to)) else {
            return false;
        };
        if need > self.end {
            match grow(need - self.end) {
                Some((at, len)) if at == self.end => self.end += len,
                // Memory elsewhere: the block stays where it is, the region is left unused.
                Some((at, len)) => {
                    self.next = at;
                    self.end = at + len;
                    return false;
                }
                None => return false,
            }
        }
        self.next = need;
        true
    }

    /// Gives `block` of `class` back for the next allocation of that class.
    ///
    /// # Safety
    /// `block` came from `take` with this class and is no longer used.
    pub unsafe fn give(&mut self, block: usize, class: usize) {
        if block + Self::size_of(class) == self.next {
            // The last block cut: the end takes it back, for a block of any size.
            self.next = block;
            return;
        }
        // SAFETY: the block is at least 8 bytes wide and aligned to 8, and unused.
        unsafe { (block as *mut usize).write(self.free[class]) };
        self.free[class] = block;
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod wasm {
    use super::Heap;
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;

    /// The app's allocator on wasm (single-threaded: no lock needed).
    pub struct Wasm(UnsafeCell<Heap>);

    // SAFETY: wasm without atomics has one thread.
    unsafe impl Sync for Wasm {}

    fn grow(bytes: usize) -> Option<(usize, usize)> {
        let pages = bytes.div_ceil(1 << 16);
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then_some((old << 16, pages << 16))
    }

    // SAFETY: blocks come from memory.grow or from the free lists, never handed out twice.
    unsafe impl GlobalAlloc for Wasm {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let Some(class) = Heap::class_of(layout.size(), layout.align()) else {
                return core::ptr::null_mut();
            };
            // SAFETY: single-threaded; no other borrow of the heap is alive.
            unsafe { (*self.0.get()).take(class, grow) as *mut u8 }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if let Some(class) = Heap::class_of(layout.size(), layout.align()) {
                // SAFETY: `ptr` was allocated with this layout, hence this class.
                unsafe { (*self.0.get()).give(ptr as usize, class) }
            }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let (Some(old), Some(new)) = (
                Heap::class_of(layout.size(), layout.align()),
                Heap::class_of(new_size, layout.align()),
            ) else {
                return core::ptr::null_mut();
            };
            // SAFETY: single-threaded; `ptr` is in use with class `old`.
            if old == new || unsafe { (*self.0.get()).extend(ptr as usize, old, new, grow) } {
                return ptr;
            }
            // SAFETY: as the default `realloc`: a new block, the old bytes copied, the old freed.
            unsafe {
                let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
                    return core::ptr::null_mut();
                };
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            }
        }
    }

    #[global_allocator]
    static ALLOC: Wasm = Wasm(UnsafeCell::new(Heap::new()));
}
