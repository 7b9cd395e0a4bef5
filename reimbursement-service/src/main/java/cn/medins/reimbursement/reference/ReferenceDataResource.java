package cn.medins.reimbursement.reference;

import cn.medins.common.security.Roles;
import cn.medins.reimbursement.calculation.PolicyDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The agency's reference data: policies (versioned), institutions, the catalog. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reference data")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON: the problem names the field")
public class ReferenceDataResource {

    static final String POLICY_VERSION = "Policy-Version";

    @Inject
    ReferenceDataService reference;

    @Inject
    CatalogService catalog;

    @PUT
    @Path("/policies/{insuredRegion}/{insuranceType}/{year}")
    @Operation(summary = "Load a policy", description = "Stores the document as a new version (Policy-Version "
            + "header); the same document as the latest version changes nothing. Settlements record the version "
            + "they used.")
    @APIResponse(responseCode = "201", description = "A new version", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyDocument.class)))
    @APIResponse(responseCode = "200", description = "Unchanged: the latest version already says this", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyDocument.class)))
    @RolesAllowed(Roles.AGENCY)
    public Response putPolicy(@RestPath @Pattern(regexp = "^[1-9]\\d{5}$", message = "must be a 6-digit region code")
                              String insuredRegion,
                              @RestPath @Pattern(regexp = "^(310|390)$", message = "must be 310 or 390")
                              String insuranceType,
                              @RestPath @Min(2000) @Max(2100) int year,
                              @Valid @NotNull PolicyDocument body) {
        var stored = reference.putPolicy(insuredRegion, insuranceType, year, body);
        return Response.status(stored.created() ? 201 : 200).entity(stored.document())
                .header(POLICY_VERSION, stored.policy().version).build();
    }

    @GET
    @Path("/policies/{insuredRegion}/{insuranceType}/{year}")
    @Operation(summary = "The latest version of a policy", description = "The version is in the Policy-Version header.")
    @APIResponse(responseCode = "200", description = "The policy document", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyDocument.class)))
    @APIResponse(responseCode = "404", description = "POLICY_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public Response policy(@RestPath String insuredRegion, @RestPath String insuranceType, @RestPath int year) {
        var stored = reference.policy(insuredRegion, insuranceType, year);
        return Response.ok(stored.document()).header(POLICY_VERSION, stored.policy().version).build();
    }

    @PUT
    @Path("/institutions/{code}")
    @Operation(summary = "Register or update an institution (level 1-3; HOSPITAL, PRIMARY counts as level 1, PHARMACY)")
    @APIResponse(responseCode = "200", description = "The institution")
    @RolesAllowed(Roles.AGENCY)
    public ReferenceData.InstitutionView putInstitution(@RestPath @Size(max = 32) String code,
                                                        @Valid @NotNull ReferenceData.InstitutionBody body) {
        return ReferenceData.InstitutionView.of(reference.putInstitution(code, body.name(), body.region(),
                body.level(), body.kind(), body.designated(), body.remoteNetworked()));
    }

    @GET
    @Path("/institutions/{code}")
    @Operation(summary = "An institution")
    @APIResponse(responseCode = "200", description = "The institution")
    @APIResponse(responseCode = "404", description = "INSTITUTION_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public ReferenceData.InstitutionView institution(@RestPath String code) {
        return ReferenceData.InstitutionView.of(reference.institution(code));
    }

    @PUT
    @Path("/catalog/{itemCode}")
    @Operation(summary = "Register or update a catalog item (category A, B, EXPENSIVE_DRUG, SPECIAL_TREATMENT, "
            + "SELF_FUNDED; optional price limit and own first self-pay share)")
    @APIResponse(responseCode = "200", description = "The item")
    @RolesAllowed(Roles.AGENCY)
    public ReferenceData.CatalogView putCatalogItem(@RestPath @Size(max = 64) String itemCode,
                                                    @Valid @NotNull ReferenceData.CatalogBody body) {
        return ReferenceData.CatalogView.of(catalog.putItem(itemCode, body));
    }

    @GET
    @Path("/catalog/{itemCode}")
    @Operation(summary = "A catalog item", description = "With province (2 digits), the entry as it applies to "
            + "care in that province: its provincial entry's fields over the national ones (就医地目录).")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "CATALOG_ITEM_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public ReferenceData.CatalogView catalogItem(@RestPath String itemCode,
                                                 @RestQuery @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE)
                                                 String province) {
        return province == null ? ReferenceData.CatalogView.of(catalog.item(itemCode))
                : catalog.effective(itemCode, province);
    }

    @PUT
    @Path("/catalog/{itemCode}/regions/{province}")
    @Operation(summary = "A province's entry of an item (省级目录)", description = "Its category, price limit and "
            + "first self-pay share for care in the province; a field left out keeps the national one.")
    @APIResponse(responseCode = "200", description = "The provincial entry")
    @APIResponse(responseCode = "404", description = "CATALOG_ITEM_NOT_FOUND")
    @RolesAllowed(Roles.AGENCY)
    public ReferenceData.RegionEntryView putCatalogRegion(
            @RestPath @Size(max = 64) String itemCode,
            @RestPath @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE) String province,
            @Valid @NotNull ReferenceData.RegionEntryBody body) {
        return ReferenceData.RegionEntryView.of(catalog.putRegion(itemCode, province, body));
    }

    @GET
    @Path("/catalog/{itemCode}/regions/{province}")
    @Operation(summary = "A province's entry of an item (省级目录)")
    @APIResponse(responseCode = "200", description = "The provincial entry")
    @APIResponse(responseCode = "404", description = "CATALOG_REGION_ENTRY_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public ReferenceData.RegionEntryView catalogRegion(
            @RestPath String itemCode,
            @RestPath @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE) String province) {
        return ReferenceData.RegionEntryView.of(catalog.region(itemCode, province));
    }

    @DELETE
    @Path("/catalog/{itemCode}/regions/{province}")
    @Operation(summary = "Remove a province's entry of an item: the national entry applies there again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "CATALOG_REGION_ENTRY_NOT_FOUND")
    @RolesAllowed(Roles.AGENCY)
    public void deleteCatalogRegion(@RestPath String itemCode,
                                    @RestPath @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE) String province) {
        catalog.deleteRegion(itemCode, province);
    }

    private static final String PROVINCE = "^[1-9][0-9]$";
    private static final String PROVINCE_MESSAGE = "must be a 2-digit province code, e.g. 46";
}
