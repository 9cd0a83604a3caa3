#!/usr/bin/env python3
"""Writes key.tsv and key-facts.tsv for the checker-dev set (hand-made verdicts below)."""
import os
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AREAS = ["target-groups","common-goals","individual-routines","individual-plans","responsibilities",
         "disputes","follow-up","validity","user-participation","parties","adoption","implementation"]
C, P, M = "covered", "partial", "missing"

KEY = {
"01-tierp-2011.txt": [
 (C,"Överenskommelsen omfattar personer, oavsett ålder, som har en psykisk funktionsnedsättning"),
 (C,"Huvudmännen åtar sig att gemensamt verka för att"),
 (C,"kontaktar avdelningen kommunens biståndshandläggare senast vardagen efter inskrivningen"),
 (C,"Båda huvudmännen kan ta initiativet; den som först uppmärksammar behovet kallar till planeringsmöte."),
 (C,"Huvudmännen ansvarar gemensamt för att planera insatser för personer som behöver stöd från båda"),
 (C,"Kan frågan inte heller lösas där avgörs den av Länsgemensam ledningsgrupp för vård och omsorg."),
 (C,"Överenskommelsen följs upp årligen av den lokala samverkansgruppen för psykiatri i Tierp."),
 (C,"Överenskommelsen gäller fr.o.m. 2011-07-01 t.o.m. 2013-06-30."),
 (M,"-"),
 (C,"Denna överenskommelse är träffad mellan Tierps kommun, genom socialnämnden, och Landstinget i Uppsala län"),
 (P,"Tierp 2011-xx-xx"),
 (M,"-")],
"02-vastmanland-2019-layout.txt": [
 (P,"Överenskommelsen gäller personer från 18 år med psykisk funktionsnedsättning"),
 (C,"varje person i målgruppen som har insatser från båda huvudmännen ska"),
 (C,"IT-stödet till kommunen inom 24 timmar. Kommunens handläggare kontaktar"),
 (C,"samtycker till det. Både kommunen och regionen kan kalla till SIP-möte, och"),
 (C,"Gemensamt ansvarar huvudmännen för att samordna insatserna kring den enskilde."),
 (C,"kommunen och verksamhetschef i regionen. Frågor som inte kan lösas där avgörs"),
 (C,"Överenskommelsen följs upp årligen av Länsledningsgruppen för vård och"),
 (C,"Överenskommelsen gäller från 2020-01-01 till 2023-12-31. Den ska revideras"),
 (C,"Ett förslag till överenskommelse remitterades under våren 2019 till NSPH"),
 (C,"Parter är Region Västmanland och kommunerna Arboga, Fagersta, Hallstahammar,"),
 (C,"Fastställd av Länsledningsgruppen för vård och omsorg i Västmanland"),
 (P,"11  Implementering")],
"03-hultsfred-2013-letter.txt": [
 (C,"Vi menar personer över 18 år som har en psykisk funktionsnedsättning"),
 (P,"Syftet är att samarbetet mellan oss ska fungera bättre för den enskilde."),
 (C,"ringer avdelningen kommunens biståndshandläggare senast tre vardagar före utskrivningen"),
 (P,"Individuell plan ska göras när det behövs."),
 (P,"Kommunen svarar för boendestöd, sysselsättning och personligt ombud, och landstinget svarar för"),
 (M,"-"),
 (C,"Samarbetet följs upp två gånger om året, i maj och i november, av den lokala samverkansgruppen"),
 (P,"Överenskommelsen gäller från och med 2013.11.01 och tills vidare."),
 (M,"-"),
 (C,"Hultsfreds kommun och Landstinget i Kalmar län kom överens om"),
 (C,"Socialnämnden i Hultsfred godkände texten vid sitt sammanträde 2013-10-09, § 87"),
 (C,"Vi kommer att gå igenom överenskommelsen på arbetsplatsträffar i alla berörda arbetsgrupper under november.")],
"04-lekeberg-2018-paragrafer.txt": [
 (C,"Överenskommelsen gäller personer som är 18 år och äldre, har en psykisk funktionsnedsättning"),
 (C,"Parterna ska gemensamt arbeta för att"),
 (C,"Inför en ansökan om öppen psykiatrisk tvångsvård kallar chefsöverläkaren kommunens socialtjänst"),
 (P,"Planen ska beskriva vilka insatser som behövs och vem som ansvarar för vad."),
 (C,"Parterna ansvarar gemensamt för samordnad individuell plan"),
 (C,"Kan parterna inte enas lyfts ärendet till Regionalt samverkansråd, och i sista hand prövas frågan av allmän domstol."),
 (C,"Överenskommelsen ska utvärderas varje år av den lokala styrgruppen för psykisk hälsa"),
 (C,"Överenskommelsen gäller fr o m 2018-04-01 t o m 2020-03-31."),
 (P,"Brukarrådet i Lekeberg har fått information om överenskommelsen."),
 (C,"Parter i denna överenskommelse är Region Örebro län och Lekebergs kommun."),
 (C,"Undertecknad i Fjugesta 2018-02-20"),
 (M,"-")],
"05-varberg-2024.md": [
 (C,"Den gäller oavsett hur gammal du är – barn, unga och vuxna."),
 (C,"Ingen ska lämna sjukhuset utan att stödet hemma är klart."),
 (C,"Innan du skrivs ut kallar avdelningen till en planering där du, kommunens handläggare och din fasta vårdkontakt är med."),
 (C,"Du själv, en närstående eller personal hos kommunen eller regionen kan ta initiativet."),
 (C,"Tillsammans ansvarar vi för att planera ditt stöd när du behöver hjälp från oss båda"),
 (P,"Om de inte löser den går frågan vidare uppåt i organisationen."),
 (P,"Vi ska följa upp överenskommelsen varje år."),
 (C,"Överenskommelsen gäller 1 april 2024–31 mars 2027. Vi ser över den senast ett halvår innan den går ut."),
 (C,"NSPH Halland och Anhörigas Riksförbund i Halland har läst förslaget och lämnat synpunkter, och flera har arbetats in."),
 (C,"Region Halland och Varbergs kommun har skrivit den här överenskommelsen tillsammans."),
 (M,"-"),
 (P,"Vi ska berätta om överenskommelsen för våra medarbetare.")],
"06-gotland-2022.md": [
 (P,"Överenskommelsen omfattar vuxna, 18 år och äldre, med psykisk funktionsnedsättning."),
 (P,"Syftet med överenskommelsen är att förbättra samverkan mellan förvaltningarna."),
 (P,"Rutiner för samverkan i enskilda ärenden finns på regionens intranät."),
 (C,"Initiativ kan tas av personal i någon av förvaltningarna, av den enskilde själv eller av en närstående."),
 (C,"Förvaltningarna ansvarar gemensamt för samordnad individuell plan"),
 (C,"Om enighet inte nås avgör regiondirektören frågan."),
 (P,"## 8. Uppföljning och revision"),
 (C,"Överenskommelsen gäller från och med 2022-09-01 och tills vidare. Den revideras vartannat år."),
 (M,"-"),
 (C,"Denna överenskommelse är träffad mellan socialnämnden, genom socialförvaltningen, och hälso- och sjukvårdsnämnden"),
 (C,"Fastställd av regiondirektören 2022-06-14"),
 (M,"-")],
"07-stockholm-2009-forslag.md": [
 (C,"Särskild uppmärksamhet ska ges åt personer som är hemlösa och åt personer med samtidigt missbruk."),
 (P,"## Mål"),
 (M,"-"),
 (C,"Såväl stadsdelsförvaltningen som landstingets psykiatriska öppenvård kan ta initiativ till planen"),
 (P,"Staden ansvarar för socialtjänstens insatser: boende, boendestöd, sysselsättning och personligt ombud."),
 (P,"Tvister hanteras enligt en rutin som ska tas fram senast [datum]."),
 ("partial|missing","Överenskommelsen gäller från och med ÅÅÅÅ-MM-DD och tills vidare, med översyn vartannat år."),
 (P,"Överenskommelsen gäller från och med ÅÅÅÅ-MM-DD och tills vidare, med översyn vartannat år."),
 (P,"Synpunkter från brukar- och anhörigorganisationer ska inhämtas innan överenskommelsen beslutas."),
 (C,"Parter är Stockholms läns landsting, genom hälso- och sjukvårdsnämnden, och Stockholms stad"),
 (P,"Överenskommelsen beslutas av landstingsstyrelsen [datum] och av kommunfullmäktige i Stockholms stad [datum]."),
 (M,"-")],
"08-norrbotten-2023-layout.txt": [
 (C,"Målgruppen är barn, unga och vuxna med psykisk funktionsnedsättning som har"),
 (C,"Ingen ska behöva vänta på kommunala insatser efter utskrivning från"),
 (C,"Inför öppen psykiatrisk tvångsvård kallar chefsöverläkaren socialtjänsten till"),
 (P,"och planen upprättas bara om den enskilde samtycker."),
 (C,"Gemensamt ansvar har huvudmännen för SIP, för samordnad planering vid ut-"),
 (C,"avgörs av Politiska samverkansberedningen. Under tiden svarar den huvudman"),
 (C,"Överenskommelsen följs upp årligen av Länsstyrgruppen för vård och omsorg."),
 (C,"Överenskommelsen gäller fr.o.m. 2023-01-01 t.o.m. 2026-12-31. Den förlängs"),
 (P,"Överenskommelsen har tagits fram i dialog med brukarorganisationer."),
 (C,"Parter är Region Norrbotten och länets fjorton kommuner: Arjeplog, Arvidsjaur,"),
 (C,"Överenskommelsen har antagits av regionfullmäktige den 22 november 2022 och"),
 (C,"känd i de egna verksamheterna. Den presenteras på arbetsplatsträffar, ingår")],
"09-sormland-2014-layout.txt": [
 (P,"Överenskommelsen avser personer med psykisk funktionsnedsättning."),
 (C,"Huvudmännen har som gemensamma mål att"),
 (P,"Rutiner för samverkan vid in- och utskrivning finns i den länsgemensamma rikt-"),
 (C,"Planen upprättas bara om den enskilde samtycker."),
 (C,"Gemensamt ansvarar huvudmännen för samordnad individuell plan, för kunskaps-"),
 (P,"8. Tvistlösning"),
 (C,"Överenskommelsen följs upp en gång per år av Länsgruppen för psykiatri och"),
 (C,"Överenskommelsen gäller från den 1 juli 2014 till den 30 juni 2017. Om ingen"),
 (C,"Ett utkast skickades i januari 2014 på remiss till NSPH Sörmland och Anhörig-"),
 (C,"Eskilstuna, Flen, Gnesta, Katrineholm, Nyköping, Oxelösund, Strängnäs, Trosa"),
 (C,"Överenskommelsen antogs av landstingsfullmäktige 2014-04-22 § 34 och därefter"),
 (M,"-")],
"10-skovde-2017.txt": [
 (P,"Överenskommelsen omfattar personer med psykisk funktionsnedsättning i alla åldrar."),
 (M,"-"),
 (C,"Mottagningsenheten återkommer inom fem arbetsdagar med besked om när ett första möte kan hållas."),
 (P,"Den som arbetar hos någon av huvudmännen och ser behovet tar initiativet. Den enskilde måste samtycka."),
 (C,"Huvudmännen ansvarar tillsammans för att planera och samordna insatser för den som behöver stöd från båda"),
 (C,"Som sista instans avgörs frågan i den delregionala politiska samrådsgruppen i Skaraborg."),
 (C,"Överenskommelsen följs upp årligen av den lokala samverkansgruppen psykiatri i Skövde."),
 (C,"Överenskommelsen gäller från den 1 april 2017 till och med den 31 mars 2019"),
 (M,"-"),
 (C,"Skövde kommun och Västra Götalandsregionen, genom Hälso- och sjukvårdsnämnden Östra och Skaraborgs Sjukhus"),
 (M,"-"),
 (P,"Överenskommelsen ska göras känd i verksamheterna.")],
"11-vetlanda-2025.txt": [
 (C,"barn, unga och vuxna med psykisk funktionsnedsättning som behöver insatser från både kommunen och regionen"),
 (C,"alla som behöver det erbjuds SIP inom fyra veckor från att behovet uppmärksammats"),
 (C,"Kommunens utskrivningsplanerare kontaktar avdelningen inom två vardagar."),
 (C,"Innehåll: insatser som behövs, vem som ansvarar för vilken insats, åtgärder som andra aktörer vidtar"),
 (C,"Tillsammans ansvarar vi för"),
 (P,"Oenighet hanteras i den länsgemensamma samverkansstrukturen."),
 (C,"Uppföljning görs varje år av Lokal ledningsgrupp psykisk hälsa Vetlanda."),
 (C,"Överenskommelsen gäller 2025-10-01 – 2028-09-30."),
 (C,"NSPH Jönköpings län och Attention Vetlanda har fått lämna synpunkter, och flera har arbetats in."),
 (C,"Vetlanda kommun (socialnämnden) och Region Jönköpings län"),
 (P,"Överenskommelsen ska antas av båda parter."),
 (C,"Enhetschefer i båda verksamheterna går igenom överenskommelsen på arbetsplatsträffar under hösten 2025.")],
"12-sundsvall-2027-layout.txt": [
 (C,"Överenskommelsen omfattar barn, unga och vuxna med psykisk funktionsnedsätt-"),
 (C,"Huvudmännen åtar sig att gemensamt verka för följande mål under avtalsperioden:"),
 (C,"Inför öppen psykiatrisk tvångsvård kallar chefsöverläkaren socialtjänsten till"),
 (C,"av den enskilde, av en närstående eller av personal hos någon av huvudmännen."),
 (C,"Huvudmännen åtar sig gemensamt att samordna insatserna genom SIP, att ha"),
 (C,"Sundsvall. I sista hand avgörs frågan av det länsgemensamma politiska"),
 (C,"Överenskommelsen följs upp varje år av Ledningsgruppen för vård och omsorg i"),
 (C,"Överenskommelsen gäller från 1 mars 2027 till och med 28 februari 2030. Den"),
 (C,"NSPH Västernorrland och Anhörigas Riksförbund har deltagit i två arbetsmöten"),
 (C,"Parter är Sundsvalls kommun, genom vård- och omsorgsnämnden och socialnämnden,"),
 (C,"Överenskommelsen har antagits av vård- och omsorgsnämnden och socialnämnden"),
 (M,"-")],
"13-blekinge-2022-styrdokument.txt": [
 (P,"Personer med psykisk funktionsnedsättning som behöver stöd och vård från både kommun och region."),
 (P,"Syftet är att tydliggöra ansvaret mellan huvudmännen så att den enskilde får rätt stöd."),
 (C,"Kommunens biståndshandläggare kontaktar den fasta vårdkontakten i öppenvården inom tre dagar"),
 (P,"SIP ska erbjudas den som har behov av insatser från både kommun och region."),
 (C,"Område | Kommunen | Regionen | Gemensamt"),
 (C,"3 | Regionalt samverkansråd Blekinge | Nästa sammanträde; rådets beslut är slutligt"),
 (M,"-"),
 (C,"Giltig t.o.m.: 2024-06-30"),
 (M,"-"),
 (C,"Region Blekinge och Blekinges fem kommuner: Karlshamn, Karlskrona, Olofström, Ronneby och Sölvesborg."),
 (C,"Fastställd av: Regionalt samverkansråd Blekinge, 2022-05-20"),
 (M,"-")],
"14-arvika-2020-kortversion.txt": [
 (C,"Barn och unga under 18 år: se Värmlands överenskommelse om samverkan kring barn och unga"),
 (C,"Ingen ska skrivas ut från heldygnsvård till hemlöshet"),
 (P,"Rutin för utskrivning från heldygnsvård finns i Värmlands länsgemensamma riktlinje"),
 (P,"SIP ska användas när den enskilde behöver insatser från båda"),
 (P,"Kommunen: socialtjänstens insatser"),
 (C,"3. I sista hand Värmlands politiska samverkansberedning"),
 (P,"* Årligen"),
 (C,"Förlängs med 12 månader om revidering har påbörjats före giltighetstidens slut"),
 (C,"NSPH Värmland och RSMH Arvika har deltagit i arbetsgruppen och granskat texten"),
 (C,"Region Värmland, psykiatrisk öppenvård Arvika och Arvika vårdcentral"),
 (M,"-"),
 (P,"Den är tänkt att sitta på anslagstavlan i personalrummet och finnas i pärmen för nyanställda.")],
"15-bollnas-2015-tabeller.txt": [
 (P,"vad som gäller för personer med psykisk funktionsnedsättning oavsett vem som är i tjänst"),
 (C,"Snabbare kontakt med kommunen efter remiss"),
 (C,"Avdelningen kallar till vårdplanering"),
 (M,"-"),
 (C,"Samordnad vårdplanering inför utskrivning"),
 (P,"Oenighet tas upp i ledningsgruppen för socialpsykiatri."),
 (C,"Målen i tabellen ovan"),
 (C,"Överenskommelsen gäller 2015-01-01–2016-12-31 och revideras under hösten 2016."),
 (P,"Brukarorganisationer har varit delaktiga."),
 (C,"Bollnäs kommun, genom socialnämnden, och Landstinget Gävleborg"),
 (C,"1.0      2015-01-20  Fastställd      Ledningsgrupp socialpsykiatri Bollnäs"),
 (M,"-")],
"16-hassleholm-2021-lopande.txt": [
 (P,"Kommunen och regionen har kommit överens om att samarbeta närmare kring personer med psykisk funktionsnedsättning"),
 (P,"för att de ska få ett bättre och mer samordnat stöd"),
 (C,"Mottagningsgruppen ringer tillbaka inom tre arbetsdagar och bokar ett gemensamt möte med patienten."),
 (P,"Vi använder SIP när det behövs, och den enskilde ska alltid tillfrågas."),
 (M,"-"),
 (C,"och i sista hand till det delregionala ledningsforumet för nordöstra Skåne"),
 (C,"Samarbetet ska utvärderas varje år av arbetsgruppen och redovisas för socialnämnden"),
 (M,"-"),
 (C,"NSPH Skåne och Attention Hässleholm har fått lämna synpunkter på ett utkast, och flera har arbetats in."),
 (P,"Kommunen och regionen har kommit överens om att samarbeta närmare"),
 (M,"-"),
 (M,"-")],
}

# (fact, value, evidence)
FACTS = {
"01-tierp-2011.txt": [
 ("document-date","none","Tierp 2011-xx-xx"),
 ("valid-from","2011-07-01","Överenskommelsen gäller fr.o.m. 2011-07-01 t.o.m. 2013-06-30."),
 ("valid-to","2013-06-30","Överenskommelsen gäller fr.o.m. 2011-07-01 t.o.m. 2013-06-30."),
 ("extension","yes","Den förlängs därefter med ett år i taget om ingen av parterna säger upp den"),
 ("placeholder","2011-xx-xx","Uppsala 2011-xx-xx"),
 ("not-stale","5 kap. 8 a § SoL","se 5 kap. 8 a § SoL och 8 a § HSL"),
 ("not-stale","8 a § HSL","se 5 kap. 8 a § SoL och 8 a § HSL"),
 ("not-stale","2 kap. 7 § SoL","(2 kap. 7 § SoL och 3 f § HSL)"),
 ("not-stale","3 f § HSL","(2 kap. 7 § SoL och 3 f § HSL)"),
 ("not-stale","14 kap. 1 § SoL","görs anmälan till socialnämnden enligt 14 kap. 1 § SoL"),
 ("not-outdated","Landstinget i Uppsala län","och Landstinget i Uppsala län, genom Psykiatridivisionen"),
 ("not-outdated","Landstingsdirektör","Landstingsdirektör, Landstinget i Uppsala län")],
"02-vastmanland-2019-layout.txt": [
 ("document-date","2019-10-24","Datum: 2019-10-24"),
 ("valid-from","2020-01-01","Överenskommelsen gäller från 2020-01-01 till 2023-12-31."),
 ("valid-to","2023-12-31","Överenskommelsen gäller från 2020-01-01 till 2023-12-31."),
 ("extension","no","Den ska revideras"),
 ("not-stale","5 kap. 8 a § SoL","ska enligt 5 kap. 8 a § SoL och 16 kap. 3 § HSL ha en"),
 ("not-stale","16 kap. 3 § HSL","ska enligt 5 kap. 8 a § SoL och 16 kap. 3 § HSL ha en"),
 ("not-stale","16 kap. 4 § HSL","ska upprättas enligt 16 kap. 4 § HSL och"),
 ("not-stale","2 kap. 7 § SoL","2 kap. 7 § SoL när den enskilde behöver insatser"),
 ("toc-only","implementation","11  Implementering")],
"03-hultsfred-2013-letter.txt": [
 ("document-date","2013-10-15","Hultsfred 2013.10.15"),
 ("valid-from","2013-11-01","Överenskommelsen gäller från och med 2013.11.01 och tills vidare."),
 ("valid-to","tills vidare","Överenskommelsen gäller från och med 2013.11.01 och tills vidare."),
 ("extension","no","-"),
 ("not-outdated","Landstinget i Kalmar län","Hultsfreds kommun och Landstinget i Kalmar län kom överens om"),
 ("not-outdated","landstinget","och landstinget svarar för den psykiatriska vården")],
"04-lekeberg-2018-paragrafer.txt": [
 ("document-date","2018-02-20","Undertecknad i Fjugesta 2018-02-20"),
 ("valid-from","2018-04-01","Överenskommelsen gäller fr o m 2018-04-01 t o m 2020-03-31."),
 ("valid-to","2020-03-31","Överenskommelsen gäller fr o m 2018-04-01 t o m 2020-03-31."),
 ("extension","yes","Den förlängs automatiskt med två år i sänder om den inte sägs upp"),
 ("stale-citation","8 a § hälso- och sjukvårdslagen (1982:763)","och 8 a § hälso- och sjukvårdslagen (1982:763)"),
 ("stale-citation","3f§ HSL","SIP upprättas enligt 3f§ HSL och 2 kap. 7 § SoL."),
 ("not-stale","5 kap. 8 a § socialtjänstlagen (2001:453)","med stöd av 5 kap. 8 a § socialtjänstlagen (2001:453)"),
 ("not-stale","2 kap. 7 § SoL","SIP upprättas enligt 3f§ HSL och 2 kap. 7 § SoL."),
 ("not-stale","SFS 2017:612","länets rutin enligt utskrivningslagen (SFS 2017:612)"),
 ("not-outdated","SKL","överenskommelserna mellan regeringen och SKL om psykisk hälsa")],
"05-varberg-2024.md": [
 ("document-date","2024-03-12","date: 2024-03-12"),
 ("valid-from","2024-04-01","Överenskommelsen gäller 1 april 2024–31 mars 2027."),
 ("valid-to","2027-03-31","Överenskommelsen gäller 1 april 2024–31 mars 2027."),
 ("extension","no","Vi ser över den senast ett halvår innan den går ut."),
 ("not-stale","lag (2017:612)","Vi följer det som står i utskrivningslagen, lag (2017:612).")],
"06-gotland-2022.md": [
 ("document-date","2022-06-14","Fastställd av regiondirektören 2022-06-14"),
 ("valid-from","2022-09-01","Överenskommelsen gäller från och med 2022-09-01 och tills vidare."),
 ("valid-to","tills vidare","Överenskommelsen gäller från och med 2022-09-01 och tills vidare."),
 ("extension","no","Den revideras vartannat år."),
 ("not-stale","5 kap. 8 a § SoL","enligt 5 kap. 8 a § SoL och 16 kap. 3 § HSL"),
 ("not-stale","16 kap. 3 § HSL","enligt 5 kap. 8 a § SoL och 16 kap. 3 § HSL"),
 ("outdated-name","landstingets","Region Gotland har både kommunens och landstingets ansvar på ön.")],
"07-stockholm-2009-forslag.md": [
 ("document-date","2009-11-20","Version 0.3, 2009-11-20."),
 ("valid-from","none","Överenskommelsen gäller från och med ÅÅÅÅ-MM-DD och tills vidare"),
 ("valid-to","tills vidare","Överenskommelsen gäller från och med ÅÅÅÅ-MM-DD och tills vidare"),
 ("extension","no","med översyn vartannat år"),
 ("placeholder","ÅÅÅÅ-MM-DD","Överenskommelsen gäller från och med ÅÅÅÅ-MM-DD och tills vidare"),
 ("placeholder","[datum]","Överenskommelsen beslutas av landstingsstyrelsen [datum]"),
 ("placeholder","……","……"),
 ("not-stale","2 kap. 7 § SoL","enligt 2 kap. 7 § SoL och 3 f § HSL"),
 ("not-stale","3 f § HSL","enligt 2 kap. 7 § SoL och 3 f § HSL"),
 ("not-outdated","Stockholms läns landsting","Parter är Stockholms läns landsting"),
 ("not-outdated","landstingsstyrelsen","Överenskommelsen beslutas av landstingsstyrelsen [datum]")],
"08-norrbotten-2023-layout.txt": [
 ("document-date","2022-12-08","2022-12-08"),
 ("valid-from","2023-01-01","Överenskommelsen gäller fr.o.m. 2023-01-01 t.o.m. 2026-12-31."),
 ("valid-to","2026-12-31","Överenskommelsen gäller fr.o.m. 2023-01-01 t.o.m. 2026-12-31."),
 ("extension","yes","automatiskt med två år i taget om ingen part säger upp den senast tolv"),
 ("stale-citation","8 a § hälso- och sjukvårdslagen (1982:763)","Enligt 8 a § hälso- och sjukvårdslagen (1982:763)"),
 ("stale-citation","2 g § HSL","När en förälder vårdas inom psykiatrin ska vårdpersonalen enligt 2 g § HSL ta"),
 ("stale-citation","3 f § HSL","Enligt 2 kap. 7 § SoL och 3 f § HSL ska en SIP upprättas"),
 ("not-stale","2 kap. 7 § SoL","Enligt 2 kap. 7 § SoL och 3 f § HSL ska en SIP upprättas"),
 ("outdated-name","landstinget","lagen (2001:453) ska landstinget och kommunerna ha en överenskommelse om sam-"),
 ("outdated-name","SKL:s","Den bygger på SKL:s stöd för arbetet med"),
 ("not-outdated","Norrbottens läns landsting","sätter Länsövergripande överenskommelse mellan Norrbottens läns landsting och")],
"09-sormland-2014-layout.txt": [
 ("document-date","2014-03-18","2014-03-18"),
 ("valid-from","2014-07-01","Överenskommelsen gäller från den 1 juli 2014 till den 30 juni 2017."),
 ("valid-to","2017-06-30","Överenskommelsen gäller från den 1 juli 2014 till den 30 juni 2017."),
 ("extension","yes","part sagt upp den senast sex månader före giltighetstidens utgång förlängs den"),
 ("not-stale","8 a § HSL (1982:763)","med stöd av SKL:s material om överenskommelser enligt 8 a § HSL (1982:763)."),
 ("not-stale","2 kap. 7 § SoL","Samordnad individuell plan (SIP) upprättas enligt 2 kap. 7 § SoL och 3 f § HSL"),
 ("not-stale","3 f § HSL","Samordnad individuell plan (SIP) upprättas enligt 2 kap. 7 § SoL och 3 f § HSL"),
 ("not-outdated","Landstinget Sörmland","Överenskommelsen är träffad mellan Landstinget Sörmland och kommunerna"),
 ("not-outdated","SKL:s","med stöd av SKL:s material om överenskommelser"),
 ("toc-only","disputes","8. Tvistlösning")],
"10-skovde-2017.txt": [
 ("document-date","2017-05-10","Datum: 2017-05-10"),
 ("valid-from","2017-04-01","Överenskommelsen gäller från den 1 april 2017 till och med den 31 mars 2019"),
 ("valid-to","2019-03-31","Överenskommelsen gäller från den 1 april 2017 till och med den 31 mars 2019"),
 ("extension","yes","Om ingen av parterna säger upp den förlängs den med ett år i taget."),
 ("stale-citation","8 a § HSL","Huvudmännen ska enligt 5 kap. 8 a § SoL samt 8 a § HSL ha en överenskommelse"),
 ("stale-citation","3f§ HSL","SIP upprättas enligt 3f§ HSL och 2 kap. 7 § SoL."),
 ("not-stale","5 kap. 8 a § SoL","Huvudmännen ska enligt 5 kap. 8 a § SoL samt 8 a § HSL ha en överenskommelse"),
 ("not-stale","2 kap. 7 § SoL","SIP upprättas enligt 3f§ HSL och 2 kap. 7 § SoL.")],
"11-vetlanda-2025.txt": [
 ("document-date","2025-09-15","Datum: 2025-09-15"),
 ("valid-from","2025-10-01","Överenskommelsen gäller 2025-10-01 – 2028-09-30."),
 ("valid-to","2028-09-30","Överenskommelsen gäller 2025-10-01 – 2028-09-30."),
 ("extension","no","Den revideras vart tredje år."),
 ("contradiction","yes","Överenskommelsen gäller tills vidare."),
 ("stale-citation","5 kap. 8 a § SoL (2001:453)","bygger på 5 kap. 8 a § SoL (2001:453) och 16 kap. 3 § HSL"),
 ("stale-citation","SoL (5 kap. 8 a§)","kallar chefsöverläkaren till samordningsmöte enligt SoL (5 kap. 8 a§)"),
 ("not-stale","16 kap. 3 § HSL","bygger på 5 kap. 8 a § SoL (2001:453) och 16 kap. 3 § HSL"),
 ("outdated-name","SKL:s","gemensam kompetensutveckling, bland annat i SKL:s utbildningsmaterial om SIP"),
 ("not-outdated","Jönköpings läns landsting","Överenskommelse om samarbete mellan Jönköpings läns landsting och kommunerna i länet")],
"12-sundsvall-2027-layout.txt": [
 ("document-date","2027-01-12","Datum: 2027-01-12"),
 ("valid-from","2027-03-01","Överenskommelsen gäller från 1 mars 2027 till och med 28 februari 2030."),
 ("valid-to","2030-02-28","Överenskommelsen gäller från 1 mars 2027 till och med 28 februari 2030."),
 ("extension","no","ska revideras senast sex månader före giltighetstidens slut."),
 ("not-stale","socialtjänstlagen (2025:400)","Överenskommelsen tecknas med stöd av socialtjänstlagen (2025:400) och"),
 ("not-stale","16 kap. 3 § HSL","16 kap. 3 § HSL. Den kompletterar den länsgemensamma överenskommelsen för")],
"13-blekinge-2022-styrdokument.txt": [
 ("document-date","2022-05-20","Fastställd av: Regionalt samverkansråd Blekinge, 2022-05-20"),
 ("valid-from","2022-07-01","Giltig fr.o.m.: 2022-07-01"),
 ("valid-to","2024-06-30","Giltig t.o.m.: 2024-06-30"),
 ("extension","no","Revideras senast: 2024-03-31"),
 ("not-stale","SFS 2001:453","Överenskommelsen grundar sig på SFS 2001:453, 5 kap. 8 a §"),
 ("not-stale","SFS 2017:30","och SFS 2017:30, 16 kap. 3 §."),
 ("outdated-name","landstinget","Kommunerna och landstinget ska enligt dessa bestämmelser ha en skriftlig överenskommelse"),
 ("not-outdated","Landstinget Blekinge","Överenskommelse mellan Landstinget Blekinge och kommunerna i Blekinge län")],
"14-arvika-2020-kortversion.txt": [
 ("document-date","2019-11-27","Upprättad 2019-11-27"),
 ("valid-from","2020-01-01","Giltighetstid: 2020-01-01 - 2022-12-31"),
 ("valid-to","2022-12-31","Giltighetstid: 2020-01-01 - 2022-12-31"),
 ("extension","yes","Förlängs med 12 månader om revidering har påbörjats före giltighetstidens slut"),
 ("not-stale","SoL (5 kap. 8 a§)","* SoL (5 kap. 8 a§)"),
 ("not-stale","16 kap. 3 § HSL","* 16 kap. 3 § HSL"),
 ("not-stale","2 kap. 7 § SoL","SIP: 2 kap. 7 § SoL och 16 kap. 4 § HSL"),
 ("not-stale","16 kap. 4 § HSL","SIP: 2 kap. 7 § SoL och 16 kap. 4 § HSL")],
"15-bollnas-2015-tabeller.txt": [
 ("document-date","2015-01-20","1.0      2015-01-20  Fastställd"),
 ("valid-from","2015-01-01","Överenskommelsen gäller 2015-01-01–2016-12-31"),
 ("valid-to","2016-12-31","Överenskommelsen gäller 2015-01-01–2016-12-31"),
 ("extension","no","och revideras under hösten 2016."),
 ("not-stale","5 kap. 8 a § SoL","Överenskommelsen är tecknad enligt 5 kap. 8 a § SoL samt 8 a § HSL."),
 ("not-stale","8 a § HSL","Överenskommelsen är tecknad enligt 5 kap. 8 a § SoL samt 8 a § HSL."),
 ("not-outdated","Landstinget Gävleborg","Bollnäs kommun och Landstinget Gävleborg"),
 ("not-outdated","SKL:s","Den följer den länsgemensamma överenskommelsen i Gävleborg och SKL:s vägledning.")],
"16-hassleholm-2021-lopande.txt": [
 ("document-date","2021-06-14","Hässleholm den 14 juni 2021"),
 ("valid-from","none","-"),
 ("valid-to","none","-"),
 ("extension","no","-"),
 ("not-stale","SFS 2017:30","hälso- och sjukvårdslagen, SFS 2017:30, och socialtjänstlagen"),
 ("outdated-name","SKL:s","med SKL:s skrift om överenskommelser som stöd"),
 ("not-outdated","Landstinget Kronoberg","som tidigare var psykiatrisamordnare i Landstinget Kronoberg")],
}

def main():
    errors = 0
    adir = os.path.join(HERE, "agreements")
    files = sorted(os.listdir(adir))
    assert sorted(KEY) == files, set(KEY) ^ set(files)
    assert sorted(FACTS) == files, set(FACTS) ^ set(files)
    with open(os.path.join(HERE, "key.tsv"), "w", encoding="utf-8") as out:
        out.write("file\tarea\tverdict\tevidence\n")
        for f in files:
            text = open(os.path.join(adir, f), encoding="utf-8").read()
            rows = KEY[f]
            if len(rows) != 12:
                print("ROWS", f, len(rows)); errors += 1
            for area, (verdict, ev) in zip(AREAS, rows):
                if verdict not in ("covered","partial","missing","covered|partial","partial|missing"):
                    print("VERDICT", f, area, verdict); errors += 1
                if (verdict == "missing") != (ev == "-"):
                    print("EVIDENCE/-", f, area); errors += 1
                if ev != "-" and (ev not in text or len(ev) > 120 or "\t" in ev or "\n" in ev):
                    print("QUOTE", f, area, len(ev), ev); errors += 1
                out.write(f"{f}\t{area}\t{verdict}\t{ev}\n")
    with open(os.path.join(HERE, "key-facts.tsv"), "w", encoding="utf-8") as out:
        out.write("file\tfact\tvalue\tevidence\n")
        for f in files:
            text = open(os.path.join(adir, f), encoding="utf-8").read()
            facts = FACTS[f]
            names = [x[0] for x in facts]
            for need in ("document-date","valid-from","valid-to","extension"):
                if names.count(need) != 1:
                    print("FACT", f, need); errors += 1
            for fact, value, ev in facts:
                if ev != "-" and (ev not in text or len(ev) > 120):
                    print("FQUOTE", f, fact, ev); errors += 1
                if fact in ("stale-citation","not-stale","placeholder","outdated-name","not-outdated") and value not in ev:
                    print("VALUE-NOT-IN-EVIDENCE", f, fact, value); errors += 1
                out.write(f"{f}\t{fact}\t{value}\t{ev}\n")
    print("errors:", errors)
    return errors

if __name__ == "__main__":
    raise SystemExit(1 if main() else 0)
