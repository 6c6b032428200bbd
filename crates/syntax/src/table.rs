//! A fixed-size, zero-initialised array of plain integers aligned to a cache line, or to 2 MiB and, on
//! Linux, marked for transparent huge pages when large: the weight tables are read at random, so TLB
//! misses would otherwise dominate.

use std::alloc::{alloc, alloc_zeroed, dealloc, Layout};

/// Plain-old-data element types (all bit patterns valid, no drop).
pub trait Pod: Copy + 'static {}
impl Pod for u32 {}
impl Pod for i16 {}
impl Pod for [u32; 2] {}

pub struct Table<T: Pod> {
    ptr: *mut T,
    len: usize,
    layout: Option<Layout>,
}

// SAFETY: the table owns its memory exclusively and is only read through shared references.
unsafe impl<T: Pod + Send> Send for Table<T> {}
// SAFETY: as above; there is no interior mutability.
unsafe impl<T: Pod + Sync> Sync for Table<T> {}

const HUGE: usize = 2 << 20;

#[cfg(target_os = "linux")]
extern "C" {
    fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
}

impl<T: Pod> Table<T> {
    pub fn zeroed(len: usize) -> Table<T> {
        let bytes = len * std::mem::size_of::<T>();
        if bytes == 0 {
            return Table {
                ptr: std::ptr::NonNull::dangling().as_ptr(),
                len: 0,
                layout: None,
            };
        }
        let align = if bytes >= HUGE {
            HUGE
        } else {
            std::mem::align_of::<T>().max(64)
        };
        let size = bytes.div_ceil(align) * align;
        let layout = Layout::from_size_align(size, align).expect("table layout");
        let ptr = if align == HUGE {
            // The advice must come before the first write: zeroing first would fault the whole table
            // in as small pages, and the kernel would not merge them into huge ones for a long time.
            // SAFETY: the layout has a non-zero size.
            let ptr = unsafe { alloc(layout) } as *mut T;
            if ptr.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            #[cfg(target_os = "linux")]
            // SAFETY: advisory call on memory we own; failure is harmless. 14 = MADV_HUGEPAGE.
            unsafe {
                madvise(ptr as *mut std::ffi::c_void, size, 14);
            }
            // SAFETY: `ptr` is valid for `size` bytes; zero bytes are a valid `T` (Pod).
            unsafe { std::ptr::write_bytes(ptr as *mut u8, 0, size) };
            ptr
        } else {
            // SAFETY: the layout has a non-zero size.
            let ptr = unsafe { alloc_zeroed(layout) } as *mut T;
            if ptr.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            ptr
        };
        Table {
            ptr,
            len,
            layout: Some(layout),
        }
    }
}

impl<T: Pod> std::ops::Deref for Table<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: ptr is valid for len zero-initialised (valid for Pod) elements.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl<T: Pod> std::ops::DerefMut for Table<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as for Deref; we hold the only reference.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl<T: Pod> Drop for Table<T> {
    fn drop(&mut self) {
        if let Some(l) = self.layout {
            // SAFETY: allocated in `zeroed` with this layout.
            unsafe { dealloc(self.ptr as *mut u8, l) }
        }
    }
}
