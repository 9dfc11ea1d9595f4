package org.hotline.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashVerifiesOnlyItsOwnPasswordAndIsSaltedEachTime() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horse battery!".toCharArray(), hash)).isFalse();
        assertThat(hasher.hash("correct horse battery".toCharArray())).isNotEqualTo(hash);
    }

    @Test
    void aMalformedHashNeverVerifies() {
        assertThat(hasher.verify("x".toCharArray(), "plain")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=1,t=1,p=1$!!$!!")).isFalse();
    }
}
