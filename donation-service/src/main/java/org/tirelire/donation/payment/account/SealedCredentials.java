package org.tirelire.donation.payment.account;

/** Credentials as stored: AES-GCM ciphertext and its nonce, both in base64. */
public record SealedCredentials(String nonce, String ciphertext) {}
