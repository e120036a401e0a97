// /api/annotations (api/annotation_routes.cpp).
#include "api/schemas/reply_schemas.h"

namespace axis::api::schema {

Components annotation_schemas() {
  Components c;
  c.add("Annotation", object({{"case_id", str()},
                              {"judgment", nullable(one_of({"accept", "reject"}))},
                              {"rating", described(nullable(number()), "0..10")},
                              {"critique", str()},
                              {"tags", array_of(str())},
                              {"flagged", boolean()},
                              {"updated_at", described(str(), "ISO 8601 UTC")}}));
  c.add("AnnotationProgress",
        described(object({{"total", integer()}, {"annotated", integer()}, {"accepted", integer()},
                          {"rejected", integer()}, {"rated", integer()}, {"flagged", integer()}}),
                  "total: the dataset's cases; annotated: cases with a judgment or a rating"));
  c.add("AnnotationsReply", object({{"success", boolean()},
                                    {"dataset_id", str()},
                                    {"annotations", array_of(ref("Annotation"))},
                                    {"progress", ref("AnnotationProgress")}}));
  c.add("AnnotationSaveReply", object({{"success", boolean()},
                                       {"annotation", ref("Annotation")},
                                       {"progress", ref("AnnotationProgress")}}));
  c.add("AnnotationDeleteReply", object({{"success", boolean()}, {"progress", ref("AnnotationProgress")}}));
  return c;
}

}  // namespace axis::api::schema
