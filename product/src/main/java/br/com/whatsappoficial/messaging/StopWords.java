package br.com.whatsappoficial.messaging;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pt-BR words a customer writes to stop a store's messages. Only a message that is the command
 * alone counts ("PARAR", "sair.", "Descadastrar!"), whatever its case, accents, punctuation or emoji: a
 * stop word inside a sentence ("não quero cancelar meu pedido") is a conversation, not a request to leave
 * the list, and putting a customer on it by mistake silences the store for good.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.of("PARAR", "SAIR", "CANCELAR", "DESCADASTRAR");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private StopWords() {}

    static boolean isStopCommand(String text) {
        String letters = SEPARATORS
                .matcher(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                        .replaceAll(""))
                .replaceAll(" ")
                .strip()
                .toUpperCase(Locale.ROOT);
        return WORDS.contains(letters);
    }
}
