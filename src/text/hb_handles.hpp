#pragma once
// Owning handles for HarfBuzz objects. HarfBuzz objects are reference counted; a handle holds
// one reference and gives it back with the matching hb_*_destroy, so no early return or thrown
// error leaks a blob, face or subset plan. Every stage that calls HarfBuzz uses these.
#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace galley::text {

namespace detail {
template <typename T, void (*Destroy)(T*)> struct HbRelease {
  void operator()(T* p) const { Destroy(p); }
};
} // namespace detail

template <typename T, void (*Destroy)(T*)>
using HbHandle = std::unique_ptr<T, detail::HbRelease<T, Destroy>>;

using HbBlobPtr = HbHandle<hb_blob_t, hb_blob_destroy>;
using HbFacePtr = HbHandle<hb_face_t, hb_face_destroy>;
using HbFontPtr = HbHandle<hb_font_t, hb_font_destroy>;
using HbBufferPtr = HbHandle<hb_buffer_t, hb_buffer_destroy>;
using HbShapePlanPtr = HbHandle<hb_shape_plan_t, hb_shape_plan_destroy>;
using HbSubsetInputPtr = HbHandle<hb_subset_input_t, hb_subset_input_destroy>;
using HbSubsetPlanPtr = HbHandle<hb_subset_plan_t, hb_subset_plan_destroy>;

} // namespace galley::text
