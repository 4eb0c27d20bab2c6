package dev.floe.cli.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.StorageOptions;
import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.PdshTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --sf}, {@code --data} and {@code --storage-option} options shared by the commands that read a
 * generated PDS-H data set, on local disk or under an {@code s3://bucket/prefix}.
 */
final class PdshDataOptions {
    @Option(names = "--sf", required = true, paramLabel = "SF", description = "The scale factor, e.g. 0.1 or 1.")
    double scaleFactor;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = {"The data root holding sf<SF>/<table>/*.parquet (as written by floe pdsh generate): a",
                    "directory or s3://bucket/prefix. For S3, the AWS SDK's defaults apply (AWS_ACCESS_KEY_ID,",
                    "AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, AWS_ENDPOINT_URL; a custom endpoint",
                    "turns on path-style addressing) unless --storage-option says otherwise."})
    String data;

    @Option(names = "--storage-option", paramLabel = "NAME=VALUE",
            description = {"A storage option by Polars' name for an s3:// --data (repeatable): aws_region,",
                    "aws_endpoint_url, aws_access_key_id, aws_secret_access_key, aws_session_token, request_payer,",
                    "aws_force_path_style, aws_virtual_hosted_style_request."})
    Map<String, String> storageOptions = new LinkedHashMap<>();

    /** The tables of the data set, after checking it exists (its lineitem objects, for S3). */
    PdshTables tables() {
        if (!(scaleFactor > 0)) {
            throw FloeException.invalidArgument("--sf must be a positive number, not " + scaleFactor);
        }
        if (ObjectStores.isRemote(data)) {
            StorageOptions.from(storageOptions);
            PdshTables tables = PdshTables.of(data, scaleFactor, storageOptions);
            String lineitem = tables.location() + "/lineitem/";
            if (ObjectStores.forLocation(lineitem, storageOptions).list(lineitem).isEmpty()) {
                throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no PDS-H data at " + tables.location()
                        + " (no objects under " + lineitem + "); upload the files written by: floe pdsh generate "
                        + "--sf " + scaleFactorText() + " --out DIR");
            }
            return tables;
        }
        if (!storageOptions.isEmpty()) {
            throw FloeException.invalidArgument("--storage-option applies to s3:// data only; --data is " + data);
        }
        Path root = Path.of(data);
        Path directory = PdshGenerator.scaleFactorDirectory(root, scaleFactor);
        if (!Files.isDirectory(directory)) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no PDS-H data at " + directory
                    + "; generate it with: floe pdsh generate --sf " + scaleFactorText() + " --out " + data);
        }
        return PdshTables.of(data, scaleFactor, Map.of());
    }

    String scaleFactorText() {
        return scaleFactor == Math.rint(scaleFactor) ? Long.toString((long) scaleFactor) : Double.toString(scaleFactor);
    }
}
