package cn.medins.remotecare.exemption;

import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Province pairs that need no filing (e.g. 川渝 51 / 50), per insurance type. */
@Path("/exemptions/{insuredProvince}/{destinationProvince}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "exemptions")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED: provinces are 2-digit codes (51 Sichuan)")
public class ExemptionResource {

    static final String PROVINCE = "^[1-9]\\d$";
    static final String PROVINCE_MESSAGE = "must be a 2-digit province code, e.g. 51";

    @Inject
    ExemptionService exemptions;

    /** Which insurance types need no filing; whether the personal account may pay there. */
    public record ExemptionBody(@NotEmpty List<@NotNull @Pattern(regexp = "^(310|390)$",
            message = "must be 310 or 390") String> insuranceTypes, Boolean personalAccountEnabled) {
    }

    public record ExemptionView(String insuredProvince, String destinationProvince, List<String> insuranceTypes,
                                boolean personalAccountEnabled) {
        static ExemptionView of(Exemption e) {
            return new ExemptionView(e.key.insuredProvince(), e.key.destinationProvince(), e.types(),
                    e.personalAccountEnabled);
        }
    }

    @PUT
    @Operation(summary = "Exempt a province pair from filing")
    @APIResponse(responseCode = "200", description = "The exemption")
    @RolesAllowed(Roles.AGENCY)
    public ExemptionView putExemption(@RestPath @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE) String insuredProvince,
                             @RestPath @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE) String destinationProvince,
                             @Valid @NotNull ExemptionBody body) {
        return ExemptionView.of(exemptions.put(insuredProvince, destinationProvince, body.insuranceTypes(),
                Boolean.TRUE.equals(body.personalAccountEnabled())));
    }

    @GET
    @Operation(summary = "An exemption")
    @APIResponse(responseCode = "200", description = "The exemption")
    @APIResponse(responseCode = "404", description = "EXEMPTION_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public ExemptionView exemption(@RestPath String insuredProvince, @RestPath String destinationProvince) {
        return ExemptionView.of(exemptions.get(insuredProvince, destinationProvince));
    }

    @DELETE
    @Operation(summary = "Remove an exemption")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "EXEMPTION_NOT_FOUND")
    @RolesAllowed(Roles.AGENCY)
    public void deleteExemption(@RestPath String insuredProvince, @RestPath String destinationProvince) {
        exemptions.delete(insuredProvince, destinationProvince);
    }
}
