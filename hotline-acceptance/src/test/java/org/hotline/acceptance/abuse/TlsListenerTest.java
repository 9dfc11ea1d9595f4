package org.hotline.acceptance.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.SelfSignedCertificate;
import org.hotline.acceptance.Staff;
import org.hotline.app.screen.ScreenClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional TLS listener ({@code http.tls.cert-file}, {@code http.tls.key-file}): with a certificate the
 * packaged hotline speaks only HTTPS, its session and form-token cookies are {@code Secure}, and every response
 * carries HSTS; half a configuration stops the start. Plain HTTP (the default) sends neither: see
 * {@link SecurityHeadersTest}, which fails on any Secure cookie or HSTS header over HTTP.
 */
class TlsListenerTest {
    @TempDir
    Path dir;

    @Test
    void withACertificateTheScreenIsHttpsOnlyWithSecureCookiesAndHsts() {
        Path data = dir.resolve("data");
        Staff.operator(data, "ana", "prs", "PJSIP/1001");
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        try (HotlineProcess hotline = HotlineProcess.start(data, "hotline", Map.of(
                "http.tls.cert-file", certificate.certFile().toString(),
                "http.tls.key-file", certificate.keyFile().toString()))) {
            assertThat(hotline.baseUrl()).startsWith("https://");
            ScreenClient client = new ScreenClient(URI.create(hotline.baseUrl()), certificate.trust());

            HttpResponse<String> form = client.get("/signin");
            HttpResponse<String> signIn = client.postForm("/signin", Map.of("username", "ana", "password",
                    Staff.PASSWORD), true);

            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(cookies(form, signIn)).extracting(c -> c.substring(0, c.indexOf('=')))
                    .contains(ScreenClient.SESSION, ScreenClient.CSRF);
            assertThat(cookies(form, signIn)).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
            for (HttpResponse<String> response : List.of(form, signIn, client.get("/api/session"),
                    client.get("/health"), client.get("/no-such-page"))) {
                assertThat(response.headers().firstValue("Strict-Transport-Security")).as(response.uri().getPath())
                        .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
                assertThat(SecurityHeadersTest.missingHeaders(response.uri().getPath(), response.statusCode(),
                        response.headers(), false)).isEmpty();
            }
            assertThat(client.get("/api/session").statusCode()).as("signed in over HTTPS").isEqualTo(200);

            ScreenClient plain = new ScreenClient(hotline.httpPort());
            assertThatThrownBy(() -> plain.get("/health")).as("no plain HTTP on the TLS port")
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCertificateWithoutItsKeyStopsTheStartWithOneClearSentence() {
        Path data = dir.resolve("data");
        assertThatThrownBy(() -> HotlineProcess.start(data, "hotline", Map.of("http.tls.cert-file",
                dir.resolve("cert.pem").toString()))).hasMessageContaining("http.tls.key-file")
                .hasMessageContaining("HOTLINE_HTTP_TLS_KEY_FILE");
    }

    private static List<String> cookies(HttpResponse<?>... responses) {
        return java.util.Arrays.stream(responses).flatMap(r -> r.headers().allValues("Set-Cookie").stream()).toList();
    }
}
