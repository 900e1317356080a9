import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { Suggestions } from '../api/types.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';

/**
 * The search box with suggestions as the citizen types (characters, pinyin or initials), as an ARIA 1.2
 * combobox: arrow keys move through the suggestions, Enter searches, Escape closes. Written by hand rather than
 * taken from the component library so that the home page needs none of it.
 */
export function SearchBox({ initial = '', region }: { initial?: string; region?: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState(initial);
  const [items, setItems] = useState<Suggestions['items']>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => setText(initial), [initial]);

  useEffect(() => {
    const q = text.trim();
    if (!q) return setItems([]);
    const abort = new AbortController();
    // Wait for a pause in typing: one request per word, not per keystroke.
    const timer = setTimeout(() => {
      api<Suggestions>(`/api/matters/suggest?q=${encodeURIComponent(q)}`, {
        signal: abort.signal,
        anonymous: true,
      })
        .then((s) => {
          setItems(s.items);
          setActive(-1);
        })
        // Suggestions are a help, not the search: without them the box still searches.
        .catch(() => setItems([]));
    }, 150);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text]);

  const search = (q: string) => {
    const words = q.trim();
    if (!words) return;
    setOpen(false);
    const query = new URLSearchParams({ q: words, ...(region ? { region } : {}) });
    navigate(`/search?${query}`);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(open && active >= 0 ? (items[active]?.name ?? text) : text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && items.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  const expanded = open && items.length > 0;
  return (
    <search className="search-box">
      <form onSubmit={onSubmit}>
        <label htmlFor={`${id}-input`} className="search-box__label">
          {t('search.label')}
        </label>
        <div className="search-box__row">
          <input
            id={`${id}-input`}
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={`${id}-list`}
            aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
            autoComplete="off"
            enterKeyHint="search"
            placeholder={t('search.placeholder')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          <button type="submit" className="button button--primary">
            {t('search.submit')}
          </button>
        </div>
        <div
          id={`${id}-list`}
          role="listbox"
          aria-label={t('search.suggestions')}
          className="search-box__list"
          hidden={!expanded}
        >
          {items.map((s, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys for its options
            <div
              key={`${s.baseCode}-${s.name}`}
              id={`${id}-opt-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className="search-box__option"
              onMouseDown={(e) => e.preventDefault()}
              // The Chinese name is what is searched: the index matches characters and pinyin, not English.
              onClick={() => search(s.name)}
            >
              {matterName(s, lang)}
              {s.need && s.need.of > 1 && (
                <span className="search-box__need">
                  {t('search.needStep', { need: s.need.phrase, step: s.need.step, of: s.need.of })}
                </span>
              )}
            </div>
          ))}
        </div>
      </form>
    </search>
  );
}
