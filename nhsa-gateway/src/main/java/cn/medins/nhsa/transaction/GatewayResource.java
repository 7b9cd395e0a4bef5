package cn.medins.nhsa.transaction;

import cn.medins.common.input.BodyLimit;
import cn.medins.common.input.BodyTooLargeException;
import cn.medins.common.security.Roles;
import cn.medins.nhsa.envelope.EnvelopeReader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import cn.medins.nhsa.envelope.Answer;
import cn.medins.nhsa.envelope.Download;
import cn.medins.nhsa.envelope.Reply;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.InputStream;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The national interface's one address: a HIS posts its envelope and reads {@code infcode}, {@code err_msg}
 * and {@code output}. Every message is answered 200 with an envelope, a refusal with {@code infcode} -1.
 */
@Path("/fsi/api/rsfComIfsService/callService")
@Tag(name = "nhsa")
public class GatewayResource {

    @Inject
    GatewayService gateway;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "A national transaction (callService)", description = "The envelope {infno, msgid, "
            + "fixmedins_code, sign_no, input}; input as an object or a JSON string. msgid is the idempotency key.")
    @APIResponse(responseCode = "200", description = "The answer envelope: infcode 0, or -1 with err_msg; for 9102 "
            + "文件下载 the file itself (application/octet-stream, its name in Content-Disposition)", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class)),
                @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING,
                        format = "binary"))})
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    @BodyLimit(bytes = EnvelopeReader.MAX_BYTES, holds = "an envelope; a 9101 file of 4 MiB as a list of byte values")
    public Response callService(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "the envelope (通用报文)"))) InputStream body) {
        Reply reply = gateway.call(body);
        if (reply instanceof Download file) {
            return Response.ok(file.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + asciiName(file.filename()) + "\"")
                    .build();
        }
        return Response.ok(reply, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** An envelope longer than it may be, refused before it is read: answered as an envelope all the same. */
    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e) {
        return Response.ok(gateway.refused(EnvelopeReader.tooLarge()), MediaType.APPLICATION_JSON_TYPE)
                .header("Connection", "close").build(); // the rest of the body is not read
    }

    /** The file's name in a header: ASCII, without quotes or separators (a Chinese name becomes underscores). */
    static String asciiName(String filename) {
        String name = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "file.zip" : name;
    }
}
