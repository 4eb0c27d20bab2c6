/** Compression codecs shared by the file formats: aircompressor's native implementations where they load. */
package dev.floe.io.codec;
