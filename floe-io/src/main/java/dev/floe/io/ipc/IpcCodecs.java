package dev.floe.io.ipc;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/** The body codecs Floe writes IPC with: its own fast LZ4 frame compressor, Arrow's ZSTD, or none. */
final class IpcCodecs implements CompressionCodec.Factory {
    static final IpcCodecs INSTANCE = new IpcCodecs();

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType codecType) {
        return switch (codecType) {
            case NO_COMPRESSION -> NoCompressionCodec.INSTANCE;
            case LZ4_FRAME -> new Lz4FrameCodec();
            case ZSTD -> CommonsCompressionFactory.INSTANCE.createCodec(codecType);
        };
    }

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType codecType, int compressionLevel) {
        return codecType == CompressionUtil.CodecType.ZSTD
                ? CommonsCompressionFactory.INSTANCE.createCodec(codecType, compressionLevel) : createCodec(codecType);
    }
}
