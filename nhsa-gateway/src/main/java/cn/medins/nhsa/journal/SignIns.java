package cn.medins.nhsa.journal;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * The sign_in table read for every message, its answers cached: whether a sign_no was given to an
 * institution on a day never changes once the sign_no exists (a sign_no is random and handed out only
 * after it is stored), so an answer is good for the whole day it names, on every instance.
 */
@ApplicationScoped
public class SignIns {

    @CacheResult(cacheName = "sign-ins")
    public boolean given(String fixmedinsCode, String signNo, LocalDate day) {
        SignIn s = SignIn.findById(signNo);
        return s != null && s.fixmedinsCode.equals(fixmedinsCode) && s.signDay.equals(day);
    }
}
