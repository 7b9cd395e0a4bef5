package cn.medins.nhsa.transaction;

import com.fasterxml.jackson.databind.JsonNode;

/** A national transaction: the output node of its answer, or a {@code NhsaRefusal}. */
@FunctionalInterface
interface Transaction {
    JsonNode run(Call call);
}
