package br.com.whatsappoficial.profile;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns a merchant's logo into what WhatsApp shows best: a 640×640 JPEG (Meta's recommended size, well under
 * its 5 MB limit), cut square where the merchant chose, transparency flattened onto white because WhatsApp
 * renders it black.
 */
final class ProfilePictures {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MIN_EDGE = 192;
    static final int EDGE = 640;
    static final double QUALITY = 0.9;

    static {
        // A packaged application's ImageIO registry may miss the WebP reader on the nested class path.
        ImageIO.scanForPlugins();
    }

    private ProfilePictures() {}

    /** @throws PictureRefused when the bytes are not a PNG, JPEG or WebP logo we can use */
    static byte[] fromLogo(byte[] logo, PictureCrop crop) {
        if (logo.length > MAX_BYTES) {
            throw new PictureRefused(PictureRefused.Reason.TOO_LARGE);
        }
        LogoFormat format =
                LogoFormat.sniff(logo).orElseThrow(() -> new PictureRefused(PictureRefused.Reason.NOT_AN_IMAGE));
        BufferedImage square = readSquare(logo, format, crop);
        try {
            BufferedImage scaled =
                    Thumbnails.of(square).size(EDGE, EDGE).keepAspectRatio(true).asBufferedImage();
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            Thumbnails.of(onWhite(scaled))
                    .scale(1)
                    .outputFormat("jpg")
                    .outputQuality(QUALITY)
                    .toOutputStream(jpeg);
            return jpeg.toByteArray();
        } catch (IOException cannotHappenInMemory) {
            throw new PictureRefused(PictureRefused.Reason.UNREADABLE);
        }
    }

    /**
     * Decodes only the chosen square, and only as many pixels as the resize needs: the size comes from the
     * file's header first, so a small file that claims a huge image is refused before any pixel is decoded.
     */
    private static BufferedImage readSquare(byte[] logo, LogoFormat format, PictureCrop crop) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(logo))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
            if (!readers.hasNext()) {
                throw new PictureRefused(PictureRefused.Reason.UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new PictureRefused(PictureRefused.Reason.TOO_MANY_PIXELS);
                }
                int side = Math.min(width, height);
                if (side < MIN_EDGE) {
                    throw new PictureRefused(PictureRefused.Reason.TOO_SMALL);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new Rectangle(
                        (int) Math.round((width - side) * crop.x()),
                        (int) Math.round((height - side) * crop.y()),
                        side,
                        side));
                // Twice the final edge is plenty for a sharp downscale.
                int step = Math.max(1, side / (2 * EDGE));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof PictureRefused refused) {
                throw refused;
            }
            throw new PictureRefused(PictureRefused.Reason.UNREADABLE);
        }
    }

    private static BufferedImage onWhite(BufferedImage image) {
        BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = flat.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return flat;
    }
}
