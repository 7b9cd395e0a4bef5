package cn.medins.account.assistance;

import cn.medins.common.input.BodyLimit;
import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** 民政推送名单: the lists of identities civil affairs and rural revitalisation send, imported whole. */
@Path("/assistance-identities/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "persons")
public class IdentityImportResource {

    @Inject
    IdentityImport imports;

    @Inject
    AssistanceService identities;

    @Inject
    IdempotentRequests idempotency;

    /** What an import did; {@code rejected} lists each refused row with its number (the header is row 1). */
    public record ImportView(long importId, String fileSha256, IdentitySource source, int rows, int imported,
                             int updated, int unchanged, List<IdentityImport.Rejected> rejected, String importedBy,
                             Instant importedAt) {
        static ImportView of(IdentityImport.Outcome o) {
            AssistanceImport r = o.record();
            return new ImportView(r.id, r.fileSha256, r.source, r.rows, r.imported, r.updated, r.unchanged,
                    o.rejected(), r.importedBy, r.importedAt);
        }
    }

    /** An import as the audit keeps it: the file's hash, who, when, and the counts. */
    public record ImportRecord(long importId, String fileSha256, IdentitySource source, int rows, int imported,
                               int updated, int unchanged, int rejected, String importedBy, Instant importedAt) {
        static ImportRecord of(AssistanceImport r) {
            return new ImportRecord(r.id, r.fileSha256, r.source, r.rows, r.imported, r.updated, r.unchanged,
                    r.rejected, r.importedBy, r.importedAt);
        }
    }

    public record ImportRecords(List<ImportRecord> items) {
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Import a civil-affairs list (民政推送名单)", description = "UTF-8 CSV with the header "
            + IdentityCsv.HEADER + "; validTo empty: open-ended. Each row whose ID number and name match one insured "
            + "person is imported (or, when the identity is already there, kept or its end moved); every other row is "
            + "rejected with its number and reason. The same file twice imports nothing new. The import is kept with "
            + "the file's SHA-256 and the caller. Requires an Idempotency-Key.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "What the import did", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (header, body), IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @APIResponse(responseCode = "503", description = "IMPORT_RUNNING: another list is being imported on this instance")
    @BodyLimit(bytes = IdentityCsv.MAX_BYTES, holds = "a list of at most 100,000 rows")
    public Response importIdentities(@NotNull byte[] file,
                                     @RestQuery String source) {
        IdentitySource from = source(source);
        return IdentityImport.alone(() -> idempotency.required(List.of(IdentityImport.sha256(file), from), () ->
                Response.ok(ImportView.of(imports.run(file, from))).build()));
    }

    @GET
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "The latest imports (the audit of them), newest first")
    @APIResponse(responseCode = "200", description = "At most 100 imports")
    public ImportRecords importRecords() {
        return new ImportRecords(identities.latestImports(100).stream().map(ImportRecord::of).toList());
    }

    private static IdentitySource source(String source) {
        if (source == null) {
            return IdentitySource.CIVIL_AFFAIRS;
        }
        try {
            return IdentitySource.valueOf(source);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("source", "must be CIVIL_AFFAIRS, RURAL_REVITALISATION or AGENCY");
        }
    }

}
