package dev.ioflow.odata.internal.persist;

import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.odata.PostPersistHook;
import dev.ioflow.odata.PrePersistHook;
import java.util.Locale;
import java.util.Map;

/**
 * What the data processor works with besides the request: the repository, the registered hooks, the change sink
 * and the default language.
 */
public record Backend(ItemRepository repository, Map<String, PrePersistHook> preHooks, Map<String, PostPersistHook> postHooks,
                      ChangeSink changes, Locale defaultLanguage) {
    public Backend {
        preHooks = Map.copyOf(preHooks);
        postHooks = Map.copyOf(postHooks);
    }
}
