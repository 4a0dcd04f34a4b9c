//! A global allocator that counts: the heap held now, its peak, and the
//! calls made. `tests/memory.rs` and `perf/examples/peak_heap.rs` install
//! it (`#[global_allocator] static A: Counting = Counting;`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Passes every call to the system allocator and counts.
pub struct Counting;

/// Bytes held now.
pub static NOW: AtomicUsize = AtomicUsize::new(0);
/// The most bytes held at once since it was last set.
pub static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Allocations and reallocations made.
#[allow(dead_code)] // each binary that includes this module reads some of it
pub static CALLS: AtomicUsize = AtomicUsize::new(0);

fn grow(by: usize) {
    let now = NOW.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters only watch.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        CALLS.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grow(new_size - layout.size());
        } else {
            NOW.fetch_sub(layout.size() - new_size, Relaxed);
        }
        CALLS.fetch_add(1, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
