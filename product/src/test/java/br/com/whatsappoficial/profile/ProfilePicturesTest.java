package br.com.whatsappoficial.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProfilePicturesTest {

    @Test
    void flattensATransparentPngOntoWhite() throws IOException {
        BufferedImage logo = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        paint(logo, new Color(0, 0, 0, 255), 150, 150, 100, 100);

        BufferedImage picture = picture(ProfilePictures.fromLogo(encode(logo, "png"), PictureCrop.CENTRED));

        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(640);
        assertThat(near(picture.getRGB(10, 10), Color.WHITE))
                .as("transparent corner")
                .isTrue();
        assertThat(near(picture.getRGB(320, 320), Color.BLACK))
                .as("the logo itself")
                .isTrue();
    }

    @Test
    void cutsACentredSquareFromATallJpeg() throws IOException {
        byte[] tall = encode(stripes(300, 900), "jpg");

        BufferedImage picture = picture(ProfilePictures.fromLogo(tall, PictureCrop.CENTRED));

        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(640);
        assertThat(near(picture.getRGB(320, 20), Color.GREEN)).isTrue();
        assertThat(near(picture.getRGB(320, 620), Color.GREEN)).isTrue();
    }

    @Test
    void cutsTheSquareWhereTheMerchantMovedIt() throws IOException {
        byte[] tall = encode(stripes(300, 900), "jpg");

        BufferedImage top = picture(ProfilePictures.fromLogo(tall, new PictureCrop(0.5, 0)));
        BufferedImage bottom = picture(ProfilePictures.fromLogo(tall, PictureCrop.ofPercent("50", "100")));

        assertThat(near(top.getRGB(320, 320), Color.RED)).isTrue();
        assertThat(near(bottom.getRGB(320, 320), Color.BLUE)).isTrue();
    }

    @Test
    void readsAWebpLogo() throws IOException {
        byte[] webp;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/profile/logo.webp"))) {
            webp = in.readAllBytes();
        }

        BufferedImage picture = picture(ProfilePictures.fromLogo(webp, PictureCrop.CENTRED));

        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(near(picture.getRGB(320, 320), new Color(0x19, 0x76, 0xd2)))
                .as("blue centre")
                .isTrue();
        assertThat(near(picture.getRGB(5, 5), new Color(0xd3, 0x2f, 0x2f)))
                .as("red edge")
                .isTrue();
    }

    @Test
    void refusesAFileOverFiveMegabytes() {
        byte[] big = new byte[6 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;

        assertThat(refusal(big)).isEqualTo(PictureRefused.Reason.TOO_LARGE);
    }

    @Test
    void refusesATextFileNamedPng() {
        assertThat(refusal("isto não é uma imagem".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PictureRefused.Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesAGif() throws IOException {
        assertThat(refusal(encode(stripes(300, 300), "gif"))).isEqualTo(PictureRefused.Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesASmallFileThatClaimsAHugeImageBeforeDecodingIt() throws IOException {
        byte[] png = encode(stripes(300, 300), "png");
        // IHDR's width and height follow the 8-byte signature, the chunk length and its type.
        writeInt(png, 16, 20_000);
        writeInt(png, 20, 20_000);

        assertThat(refusal(png)).isEqualTo(PictureRefused.Reason.TOO_MANY_PIXELS);
    }

    @Test
    void refusesALogoTooSmallForWhatsApp() throws IOException {
        assertThat(refusal(encode(stripes(150, 300), "png"))).isEqualTo(PictureRefused.Reason.TOO_SMALL);
    }

    @Test
    void refusesAPngCutShort() throws IOException {
        byte[] png = encode(stripes(300, 300), "png");

        assertThat(refusal(java.util.Arrays.copyOf(png, 60))).isEqualTo(PictureRefused.Reason.UNREADABLE);
    }

    private static PictureRefused.Reason refusal(byte[] logo) {
        return catchThrowableOfType(PictureRefused.class, () -> ProfilePictures.fromLogo(logo, PictureCrop.CENTRED))
                .reason();
    }

    /** Red, green and blue thirds from top to bottom. */
    private static BufferedImage stripes(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        paint(image, Color.RED, 0, 0, width, height / 3);
        paint(image, Color.GREEN, 0, height / 3, width, height / 3);
        paint(image, Color.BLUE, 0, 2 * height / 3, width, height - 2 * height / 3);
        return image;
    }

    private static void paint(BufferedImage image, Color color, int x, int y, int width, int height) {
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(x, y, width, height);
        graphics.dispose();
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage picture(byte[] jpeg) throws IOException {
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    /** JPEG is lossy: a colour within a small distance counts. */
    private static boolean near(int rgb, Color expected) {
        Color actual = new Color(rgb);
        return Math.abs(actual.getRed() - expected.getRed()) < 40
                && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }
}
