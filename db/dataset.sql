-- boardroom bundled dataset: the OpenAI board crisis of November 2023.
--
-- Source: the Chinese recap "OpenAI事件大复盘：过程、起因和影响" by 张泽一
-- (远川研究所), published 2023-11-24. Every fact and figure comes from that
-- article; all texts are our own. Where the article is damaged, vague or
-- inconsistent, a row in `note` says so.
--
-- Instants are UTC unix seconds, written as strftime('%s','<UTC>')+0. The
-- article's process section ("01、過程") is in US Pacific time, PST = UTC-8
-- in November 2023; each event carries a comment with its PT wall clock.
-- Intervals are inclusive [t_min, t_max]; ts is the sort instant.
--
-- Derived columns (alias.norm, participant.ts, participant.faction_id and
-- stance_id, figure.ts and until, event_fts) are left to the loader.
--
-- Load after schema.sql:  sqlite3 DB '.read schema.sql' '.read db/dataset.sql'
-- Check:                  sh db/check.sh

-- ==================================================================== meta

INSERT INTO meta (key, value) VALUES
    ('title_en', 'The OpenAI board crisis, November 2023'),
    ('title_zh', 'OpenAI董事会风波（2023年11月）'),
    ('source', 'Chinese recap "OpenAI事件大复盘：过程、起因和影响" by 张泽一 (远川研究所), published 2023-11-24: the process (21 main-line entries, 16 sidelights), the causes and the impact of the crisis.'),
    ('tz', 'America/Los_Angeles'),
    ('year', '2023'),
    ('window_start', CAST(strftime('%s','2023-11-17 20:03:00') AS TEXT)),  -- 2023-11-17 12:03 PT: 106 h before the return was announced
    ('window_end', CAST(strftime('%s','2023-11-22 06:03:00') AS TEXT));  -- 2023-11-21 22:03 PT = Beijing 2023-11-22 14:03

-- ==================================================================== factions

-- Two kinds of side (schema.sql, faction.axis). The line: the two camps the
-- causes section describes; only those it places there are on one. The
-- stance in the crisis: with the board that fired Altman, or for his return;
-- each change is tied to the event that shows it. Anyone else stands on none
-- of a kind: "no line stated", "neither".
INSERT INTO faction (id, slug, name_en, name_zh, desc_en, desc_zh, axis) VALUES
    (1, 'safety', 'Safety', '安全主义',
     'The cautious line, which the article says is also called "superalignment": wary of artificial general intelligence and of its risk to human survival, it wants AI developed carefully and made safe before products are released. The article names Ilya Sutskever and Elon Musk as its representatives, and puts the coup down to board members who hold this view.',
     '谨慎的一派，文章称其又被叫作“超级对齐”：对通用人工智能充满警惕，担心AI危及人类生存，主张审慎发展AI、先确保安全再发布产品。文章举出的代表人物是伊利亚·苏茨克维和马斯克，并把政变归于持这种观点的董事。',
     'line'),
    (2, 'accelerationist', 'Accelerationist', '加速主义',
     'The line the article says is also called "effective acceleration": keen to commercialise AGI at full speed and build the next tech giant, holding that technology should keep accelerating. The article names Sam Altman as its representative and puts Greg Brockman in this camp.',
     '文章所说的另一派，又称“有效加速”：对AGI商业化抱有极大热情，希望全速推进、打造下一个科技巨头，认为技术应当不断加速进步。文章举出的代表人物是萨姆·阿尔特曼，并把格雷格·布罗克曼归入这一派。',
     'line'),
    (3, 'with-board', 'With the board', '站在董事会一边',
     'In the crisis, on the side of the board that fired Altman: those who carried out the firing, took the board''s part or spoke for it.',
     '危机中站在解雇阿尔特曼的董事会一边：参与解雇、支持董事会或代表董事会出面的人。',
     'crisis'),
    (4, 'for-return', 'For Altman''s return', '支持阿尔特曼回归',
     'In the crisis, pressing for Altman''s return: pressing the board, negotiating for him, or signing the letter that demands it.',
     '危机中力主阿尔特曼回归：向董事会施压、代表他谈判，或在要求其回归的公开信上签名。',
     'crisis');

-- ==================================================================== people

-- people
INSERT INTO person (id, slug, kind, name_en, name_zh, bio_en, bio_zh) VALUES
    (1, 'altman', 'person', 'Sam Altman', '萨姆·阿尔特曼',  -- Sam Altman
     'OpenAI''s CEO and a board member when the crisis began. The board fired him on Nov 17, and he was back as CEO on Nov 21; the article treats him as the face of the accelerationist line.',
     '危机开始时任OpenAI首席执行官兼董事。11月17日被董事会解雇，11月21日重任CEO；文章视其为加速主义的代表人物。'),
    (2, 'sutskever', 'person', 'Ilya Sutskever', '伊利亚·苏茨克维',  -- Ilya Sutskever
     'OpenAI''s chief scientist and a board member, who told Altman he was fired and later said he regretted it. The article calls him the representative of the safety line; he started GPT-Zero and the superalignment team.',
     'OpenAI首席科学家兼董事，由他通知阿尔特曼被解雇，后来又表示后悔。文章称他是安全主义的代表人物；他发起了GPT-Zero研究和“超级对齐”项目组。'),
    (3, 'murati', 'person', 'Mira Murati', '米拉·穆拉蒂',  -- Mira Murati
     'OpenAI''s CTO. Named CEO on Nov 17 (the article later calls her interim CEO), she insisted that Altman and Brockman come back; that angered the board, which then brought in Emmett Shear from outside. She then started an open letter inside the company demanding that the board resign.',
     'OpenAI首席技术官。11月17日接任CEO（文章后文称其为临时CEO）。她坚持要阿尔特曼和布罗克曼回来，因此触怒董事会，董事会随即从外部请来埃米特·希尔；此后她又牵头发起要求董事会辞职的公开信。'),
    (4, 'brockman', 'person', 'Greg Brockman', '格雷格·布罗克曼',  -- Greg Brockman
     'OpenAI''s president and a board member. Removed from the board on Nov 17, he resigned, then came back together with Altman; the article puts him in the "effective acceleration" camp.',
     'OpenAI总裁兼董事。11月17日被移出董事会后辞职，后随阿尔特曼一同回归；文章将他归入“有效加速”派。'),
    (5, 'shear', 'person', 'Emmett Shear', '埃米特·希尔',  -- Emmett Shear
     'Co-founder of Twitch, named OpenAI''s CEO by the board on Nov 19; he represented the board in the final talks. The article says he was CEO for three days.',
     'Twitch联合创始人，11月19日被董事会任命为OpenAI CEO，并在最后的谈判中代表董事会。文章称他当了3天CEO。'),
    (6, 'nadella', 'person', 'Satya Nadella', '萨提亚·纳德拉',  -- Satya Nadella
     'Microsoft''s CEO. He announced that Altman and Brockman would join Microsoft and backed Altman on Bloomberg; the article credits his efforts for the outcome.',
     '微软首席执行官。他宣布阿尔特曼和布罗克曼将加入微软，又在彭博上表态支持阿尔特曼；文章认为结局离不开他的奔走。'),
    (7, 'dangelo', 'person', 'Adam D''Angelo', '亚当·德安杰洛',  -- Adam D'Angelo
     'Co-founder and CEO of Quora and one of OpenAI''s outside directors, the only member of the old board to keep his seat. The article repeats a rumour that he was one of the coup''s instigators.',
     'Quora联合创始人兼CEO，OpenAI外部董事之一，也是旧董事会中唯一留任者。文章提到有传言称他是这次政变的推手之一。'),
    (8, 'taylor', 'person', 'Bret Taylor', '布雷特·泰勒',  -- Bret Taylor
     'Described by the article as a co-founder of Google Maps and Facebook''s CTO, whose work centres on product innovation, team management and strategy. Chair of OpenAI''s new board.',
     '据文章介绍，他参与创办了谷歌地图，做过Facebook的CTO，工作重心在产品创新、带团队和公司战略上。出任OpenAI新董事会主席。'),
    (9, 'summers', 'person', 'Larry Summers', '拉里·萨默斯',  -- Larry Summers
     'Economist: Treasury Secretary under Clinton, head of the National Economic Council under Obama and a former president of Harvard. Member of OpenAI''s new board.',
     '知名经济学家，曾在克林顿政府任财政部长、在奥巴马政府任国家经济委员会主席，也做过哈佛大学校长。OpenAI新董事会成员。'),
    (10, 'chesky', 'person', 'Brian Chesky', '布莱恩·切斯基',  -- Brian Chesky
     'Airbnb''s CEO and a friend of Altman, who negotiated on his behalf in the final talks.',
     '爱彼迎（Airbnb）CEO，阿尔特曼的朋友，在最后的谈判中代表阿尔特曼。'),
    (11, 'cohen', 'person', 'Alex Cohen', '亚历克斯·科恩',  -- Alex Cohen
     'Altman''s assistant, let go along with him. Sixteen minutes after posting that he was looking for work, he was hired as chief AI researcher at roofer.com.',
     '阿尔特曼的助理，随老板一起被解雇。他发帖求职16分钟后，就成了roofer.com的首席AI研究员。'),
    (12, 'anna-brockman', 'person', 'Anna Brockman', '安娜·布罗克曼',  -- Anna Brockman
     'Greg Brockman''s wife and an OpenAI employee, who pleaded with Sutskever in tears to change his stance.',
     '格雷格·布罗克曼的妻子，也是OpenAI员工，曾含泪恳求苏茨克维改变态度。'),
    (13, 'lightcap', 'person', 'Brad Lightcap', '布拉德·莱特卡普',  -- Brad Lightcap
     'OpenAI''s COO, one of the colleagues Altman praised by name during the crisis.',
     'OpenAI首席运营官，危机中被阿尔特曼点名表扬的同事之一。'),
    (14, 'kwon', 'person', 'Jason Kwon', '杰森·权',  -- Jason Kwon
     'An OpenAI colleague whom Altman praised by name during the crisis; the article gives no title for him.',
     'OpenAI员工，危机中被阿尔特曼点名表扬的同事之一；文章未提其职务。'),
    (15, 'amodei', 'person', 'Dario Amodei', '达里奥·阿莫迪',  -- Dario Amodei
     'Founder of Anthropic and a former OpenAI employee. Wary of AI''s moral and ethical risks, he left OpenAI in 2020 over his differences with Altman''s views.',
     'Anthropic创始人，曾是OpenAI员工。他对AI的道德与伦理风险十分警惕，2020年因与阿尔特曼理念不合而离开OpenAI。'),
    (16, 'musk', 'person', 'Elon Musk', '埃隆·马斯克',  -- Elon Musk
     'Left OpenAI long ago; he had brought Sutskever to OpenAI. The article names him, with Sutskever, as a representative of the safety line and says he seemed to back the coup.',
     '早已退出OpenAI，当年曾帮OpenAI招来苏茨克维。文章把他与苏茨克维并列为安全主义的代表人物，并称他似乎暗中支持这次政变。'),
    (17, 'pachocki', 'person', 'Jakub Pachocki', '雅各布·帕乔基',  -- Jakub Pachocki
     'OpenAI researcher who, according to Reuters and The Information, developed the Q* (Q-Star) model with Szymon Sidor.',
     'OpenAI研究人员；据路透社和The Information报道，他与西蒙·西多尔开发了Q*（Q-Star）模型。'),
    (18, 'sidor', 'person', 'Szymon Sidor', '西蒙·西多尔',  -- Szymon Sidor
     'OpenAI researcher who, according to Reuters and The Information, developed the Q* (Q-Star) model with Jakub Pachocki.',
     'OpenAI研究人员；据路透社和The Information报道，他与雅各布·帕乔基开发了Q*（Q-Star）模型。'),
    (19, 'jobs', 'person', 'Steve Jobs', '史蒂夫·乔布斯',  -- Steve Jobs
     'Mentioned in a joke: it took him twelve years to return to Apple, against Altman''s 48 hours.',
     '出现在一则调侃中：他重回苹果用了12年，阿尔特曼只用了48小时。');

-- organisations
INSERT INTO person (id, slug, kind, name_en, name_zh, bio_en, bio_zh) VALUES
    (30, 'openai', 'org', 'OpenAI', 'OpenAI',  -- OpenAI
     'The AI company at the centre of the crisis, maker of ChatGPT and GPT-4. A non-profit at first, it added a capped-profit entity, OpenAI Global LLC, in 2019 but kept the non-profit''s board.',
     '风波中心的AI公司，推出了ChatGPT和GPT-4。它起初是非营利组织，2019年设立“盈利上限”的营利实体OpenAI Global LLC，但保留了非营利时期的董事会。'),
    (31, 'microsoft', 'org', 'Microsoft', '微软',  -- Microsoft
     'Holds 49% of OpenAI; it invested $1 billion in 2019 and over ten billion dollars in all. The article sees it as the most direct winner of the crisis.',
     '持有OpenAI 49%的股份；2019年投资10亿美元，累计投入上百亿美元。文章认为它是这场风波最直接的受益者。'),
    (32, 'thrive', 'org', 'Thrive Capital', 'Thrive Capital',  -- Thrive Capital
     'OpenAI''s second-largest shareholder, which joined Microsoft in pressing the board after the firing.',
     'OpenAI第二大股东，解雇事件后与微软一起向董事会施压。'),
    (33, 'anthropic', 'org', 'Anthropic', 'Anthropic',  -- Anthropic
     'AI start-up founded by former OpenAI employee Dario Amodei. The article ranks it second only to OpenAI among large-model start-ups, with Claude 2 and investment from Amazon and Google; it turned down a merger approach from OpenAI''s board.',
     '由前OpenAI员工达里奥·阿莫迪创办的AI创业公司。文章称它在大模型创业公司中仅次于OpenAI，核心产品为Claude2，获亚马逊和谷歌投资；它拒绝了OpenAI董事会的合并提议。'),
    (34, 'google', 'org', 'Google', '谷歌',  -- Google
     'Investor in Anthropic and a rival of OpenAI. The board''s firing calls ran on its Google Meet.',
     'Anthropic的投资方、OpenAI的竞争对手。董事会的解雇会议用的是它的Google Meet。'),
    (35, 'amazon', 'org', 'Amazon', '亚马逊',  -- Amazon
     'Investor in Anthropic; the article lists it among the rivals ready to hire away OpenAI staff.',
     'Anthropic的投资方；文章将其列为伺机挖走OpenAI员工的竞争对手之一。'),
    (36, 'airbnb', 'org', 'Airbnb', '爱彼迎',  -- Airbnb
     'Company whose CEO, Brian Chesky, negotiated for Altman.',
     '其CEO布莱恩·切斯基代表阿尔特曼参与了谈判。'),
    (37, 'quora', 'org', 'Quora', 'Quora',  -- Quora
     'Question-and-answer site, likened by the article to China''s Zhihu, co-founded and run by Adam D''Angelo.',
     '问答网站，文章称之为“美版知乎”，由亚当·德安杰洛联合创办并任CEO。'),
    (38, 'twitch', 'org', 'Twitch', 'Twitch',  -- Twitch
     'Company co-founded by Emmett Shear; the article once spells it "Twich".',
     '埃米特·希尔联合创办的公司；文章中一处误作“Twich”。'),
    (39, 'roofer', 'org', 'roofer.com', 'roofer.com',  -- roofer.com
     'Company that hired Altman''s assistant Alex Cohen as chief AI researcher.',
     '聘请阿尔特曼的助理亚历克斯·科恩为首席AI研究员的公司。'),
    (40, 'bloomberg', 'org', 'Bloomberg', '彭博',  -- Bloomberg
     'News outlet on which Nadella reaffirmed his support for Altman on the evening of Nov 20.',
     '新闻媒体；11月20日晚，纳德拉在彭博上再次表态支持阿尔特曼。'),
    (41, 'the-information', 'org', 'The Information', 'The Information',  -- The Information
     'Tech news outlet that reported the board''s merger approach to Anthropic and, with Reuters, the Q* model.',
     '科技媒体，报道了董事会与Anthropic的合并接洽，并与路透社一同报道了Q*模型。'),
    (42, 'reuters', 'org', 'Reuters', '路透社',  -- Reuters
     'News agency which, with The Information, reported the Q* model.',
     '通讯社，与The Information一同报道了Q*模型。'),
    (43, 'the-atlantic', 'org', 'The Atlantic', '大西洋月刊',  -- The Atlantic
     'Magazine that interviewed OpenAI staff. The article cites it on how, after ChatGPT, the road to revenue was clear and OpenAI could no longer pass as an idealistic research lab.',
     '杂志，曾采访OpenAI员工。文章引用其报道说明：ChatGPT之后，赚钱的路径变得清晰，OpenAI已难再以“理想主义研究实验室”自居。'),
    (44, 'apple', 'org', 'Apple', '苹果',  -- Apple
     'Named for Steve Jobs''s return after twelve years and for its App Store, whose path the article says the GPT Store is following.',
     '文章提到乔布斯隔12年重回苹果，并认为GPT Store在复制苹果App Store的路径。'),
    (45, 'tesla', 'org', 'Tesla', '特斯拉',  -- Tesla
     'Listed by the article among the companies ready to hire OpenAI staff, as California has no non-compete restrictions.',
     '文章将其列为伺机招揽OpenAI员工的公司之一，因为加州没有竞业协议的限制。'),
    (46, 'meta', 'org', 'Meta', 'Meta',  -- Meta
     'Listed by the article among OpenAI''s rivals, which could only look on because events moved so fast.',
     '文章将其列为OpenAI的竞争对手之一，因事态变化太快只能旁观。');

-- groups
INSERT INTO person (id, slug, kind, name_en, name_zh, bio_en, bio_zh) VALUES
    (60, 'employees', 'group', 'OpenAI employees', 'OpenAI员工',  -- OpenAI employees
     'OpenAI''s staff, 770 people by the count in the open letter; nearly all signed the letter demanding the board resign and Altman return.',
     'OpenAI全体员工，按公开信的统计共770人；几乎全部在要求董事会辞职、阿尔特曼回归的公开信上签了名。'),
    (61, 'senior-researchers', 'group', 'Three senior researchers', '三名高级研究人员',  -- Three senior researchers
     'Three senior OpenAI researchers, not named in the article, who announced their resignations early on Nov 18.',
     '三名OpenAI高级研究人员，文章未提姓名，于11月18日凌晨宣布辞职。'),
    (62, 'outside-directors', 'group', 'The two other outside directors', '另外两名外部董事',  -- The two other outside directors
     'The outside directors other than Adam D''Angelo. The article says the six-member board had three outside directors but names only D''Angelo, who must be one of them, as the other three seats were held by Altman, Brockman and Sutskever. This entry lets the board keep its six seats without inventing names.',
     '除亚当·德安杰洛以外的两名外部董事。文章称6人董事会中有三名外部董事，但只点名了德安杰洛；其余三席由阿尔特曼、布罗克曼和苏茨克维占据，可知德安杰洛是外部董事之一。设此条目是为了如实保留6个席位而不杜撰姓名。'),
    (63, 'board', 'group', 'OpenAI board', 'OpenAI董事会',  -- OpenAI board
     'OpenAI''s board of directors as a body: six members before the crisis (Altman, Brockman, Sutskever and three outside directors), three after it (Taylor, Summers, D''Angelo). The article says its role is to keep AI safe.',
     'OpenAI董事会整体：危机前6人（阿尔特曼、布罗克曼、苏茨克维及三名外部董事），重组后3人（泰勒、萨默斯、德安杰洛）。文章称董事会的职责是确保AI安全。');

-- ==================================================================== cast tiers

-- Who is placed on a side in the split (schema.sql, tier). Those who act in
-- the crisis are; the board as a body is not (its members are, one by one);
-- names only mentioned (a quip, the maker of a tool, a news outlet, the
-- company as a whole, rivals named in passing) stay searchable but are not.
INSERT INTO tier (code, name_en, name_zh, placed) VALUES
    ('actor', 'In the crisis', '参与其中', 1),
    ('body', 'A body, placed member by member', '机构整体（按成员列入）', 0),
    ('mentioned', 'Only mentioned', '仅被提及', 0);

UPDATE person SET tier = 'actor';
UPDATE person SET tier = 'body' WHERE slug = 'board';
UPDATE person SET tier = 'mentioned' WHERE slug IN ('amodei', 'pachocki',
    'sidor', 'jobs', 'openai', 'google', 'amazon', 'airbnb', 'quora',
    'twitch', 'roofer', 'bloomberg', 'the-information', 'reuters',
    'the-atlantic', 'apple', 'tesla', 'meta');
-- A group holding seats holds as many as the people it stands for.
UPDATE person SET headcount = 2 WHERE slug = 'outside-directors';
UPDATE person SET headcount = 3 WHERE slug = 'senior-researchers';

-- ==================================================================== aliases

-- Every spelling the article uses (typos included: Iiya, Twich), plus the
-- usual names in English and in simplified and traditional Chinese.
INSERT INTO alias (person_id, alias) VALUES
    -- altman
    (1, 'Sam Altman'), (1, 'Sam'), (1, 'Altman'), (1, '阿爾特曼'), (1, '阿尔特曼'), (1, '奥特曼'),
    (1, '奧特曼'), (1, '萨姆'), (1, '薩姆'), (1, '萨姆·阿尔特曼'), (1, '薩姆·阿爾特曼'),
    -- sutskever
    (2, 'Ilya Sutskever'), (2, 'Ilya'), (2, 'Iiya'), (2, 'Sutskever'), (2, '伊利亚'), (2, '伊利亞'),
    (2, '苏茨克维'), (2, '蘇茨克維'), (2, '伊利亚·苏茨克维'), (2, '伊利亞·蘇茨克維'),
    -- murati
    (3, 'Mira Murati'), (3, 'Mira'), (3, 'Murati'), (3, 'Mira姐姐'), (3, '米拉'), (3, '穆拉蒂'),
    (3, '米拉·穆拉蒂'),
    -- brockman
    (4, 'Greg Brockman'), (4, 'Greg'), (4, 'Brockman'), (4, '格雷格'), (4, '布罗克曼'), (4, '布羅克曼'),
    (4, '格雷格·布罗克曼'), (4, '格雷格·布羅克曼'),
    -- shear
    (5, 'Emmett Shear'), (5, 'Emmett'), (5, 'Shear'), (5, '希尔'), (5, '希爾'), (5, '埃米特·希尔'),
    (5, '埃米特·希爾'),
    -- nadella
    (6, 'Satya Nadella'), (6, 'Nadella'), (6, '纳德拉'), (6, '納德拉'), (6, '萨提亚·纳德拉'),
    (6, '薩提亞·納德拉'),
    -- dangelo
    (7, 'Adam D’Angelo'), (7, 'Adam D''Angelo'), (7, 'D’Angelo'), (7, 'D''Angelo'), (7, 'Adam'),
    (7, '德安杰洛'), (7, '德安傑洛'), (7, '亚当·德安杰洛'), (7, '亞當·德安傑洛'),
    -- taylor
    (8, 'Bret Taylor'), (8, 'Bret'), (8, 'Taylor'), (8, '泰勒'), (8, '布雷特·泰勒'),
    -- summers
    (9, 'Larry Summers'), (9, 'Larry'), (9, 'Summers'), (9, '萨默斯'), (9, '薩默斯'), (9, '拉里·萨默斯'),
    (9, '拉里·薩默斯'),
    -- chesky
    (10, 'Brian Chesky'), (10, 'Chesky'), (10, '切斯基'), (10, '布莱恩·切斯基'), (10, '布萊恩·切斯基'),
    -- cohen
    (11, 'Alex Cohen'), (11, 'Cohen'), (11, '科恩'), (11, '亚历克斯·科恩'), (11, '亞歷克斯·科恩'),
    -- anna-brockman
    (12, 'Anna Brockman'), (12, 'Anna'), (12, '安娜·布罗克曼'), (12, '安娜·布羅克曼'),
    -- lightcap
    (13, 'Brad Lightcap'), (13, 'Lightcap'), (13, '布拉德·莱特卡普'), (13, '布拉德·萊特卡普'),
    -- kwon
    (14, 'Jason Kwon'), (14, 'Kwon'), (14, '杰森·权'), (14, '傑森·權'),
    -- amodei
    (15, 'Dario Amodei'), (15, 'Dario'), (15, 'Amodei'), (15, '阿莫迪'), (15, '达里奥·阿莫迪'),
    (15, '達里奧·阿莫迪'),
    -- musk
    (16, 'Elon Musk'), (16, 'Musk'), (16, '马斯克'), (16, '馬斯克'), (16, '埃隆·马斯克'), (16, '埃隆·馬斯克'),
    -- pachocki
    (17, 'Jakub Pachocki'), (17, 'Pachocki'), (17, '帕乔基'), (17, '帕喬基'), (17, '雅各布·帕乔基'),
    (17, '雅各布·帕喬基'),
    -- sidor
    (18, 'Szymon Sidor'), (18, 'Sidor'), (18, '西多尔'), (18, '西多爾'), (18, '西蒙·西多尔'),
    (18, '西蒙·西多爾'),
    -- jobs
    (19, 'Steve Jobs'), (19, 'Jobs'), (19, '乔布斯'), (19, '喬布斯'), (19, '史蒂夫·乔布斯'),
    (19, '史蒂夫·喬布斯'),
    -- openai
    (30, 'OpenAI'), (30, 'Open AI'),
    -- microsoft
    (31, 'Microsoft'), (31, '微软'), (31, '微軟'),
    -- thrive
    (32, 'Thrive Capital'), (32, 'Thrive'),
    -- anthropic
    (33, 'Anthropic'),
    -- google
    (34, 'Google'), (34, '谷歌'),
    -- amazon
    (35, 'Amazon'), (35, '亚马逊'), (35, '亞馬遜'),
    -- airbnb
    (36, 'Airbnb'), (36, '爱彼迎'), (36, '愛彼迎'),
    -- quora
    (37, 'Quora'),
    -- twitch
    (38, 'Twitch'), (38, 'Twich'),
    -- roofer
    (39, 'roofer.com'), (39, 'roofer'),
    -- bloomberg
    (40, 'Bloomberg'), (40, '彭博'), (40, '彭博社'),
    -- the-information
    (41, 'The Information'),
    -- reuters
    (42, 'Reuters'), (42, '路透社'), (42, '路透'),
    -- the-atlantic
    (43, 'The Atlantic'), (43, '大西洋月刊'),
    -- apple
    (44, 'Apple'), (44, '苹果'), (44, '蘋果'),
    -- tesla
    (45, 'Tesla'), (45, '特斯拉'),
    -- meta
    (46, 'Meta'),
    -- employees
    (60, 'OpenAI employees'), (60, 'employees'), (60, 'OpenAI员工'), (60, 'OpenAI員工'), (60, '员工'),
    (60, '員工'),
    -- senior-researchers
    (61, 'three senior researchers'), (61, 'senior researchers'), (61, '三名高级研究人员'),
    (61, '三名高級研究人員'), (61, '高级研究人员'), (61, '高級研究人員'),
    -- outside-directors
    (62, 'outside directors'), (62, 'other outside directors'), (62, '外部董事'), (62, '另外两名外部董事'),
    (62, '另外兩名外部董事'),
    -- board
    (63, 'OpenAI board'), (63, 'board'), (63, 'OpenAI董事会'), (63, 'OpenAI董事會'), (63, '董事会'),
    (63, '董事會');

-- ==================================================================== events

-- Process ("01、過程"): main line and sidelights, in the article's order.
INSERT INTO event (id, kind, marker, ts, t_min, t_max, precision, inferred,
                   time_text, title_en, title_zh, summary_en, summary_zh) VALUES
    -- [1] 主線#01 · PT 2023-11-16 18:00:00 .. 23:59:59
    (1, 'main', '主線#01',
     strftime('%s','2023-11-17 02:00:00')+0, strftime('%s','2023-11-17 02:00:00')+0, strftime('%s','2023-11-17 07:59:59')+0,
     'part_of_day', 0, '11月16日晚間',
     'Sutskever texts Altman to set up a call',
     '苏茨克维发短信约阿尔特曼次日通话',
     'On the evening of Nov 16, Ilya Sutskever texted Sam Altman that he wanted to talk the next day and sent him a Google Meet link. That call is where Altman would learn he had been fired.',
     '11月16日晚，伊利亚·苏茨克维给萨姆·阿尔特曼发短信，约他第二天谈一谈，并附上一个Google Meet会议链接。阿尔特曼正是在这次会议上得知自己被解雇。'),
    -- [2] 花絮1 · PT 2023-11-16 18:00:00 .. 23:59:59; ts 2023-11-16 18:01:00
    (2, 'aside', '花絮1',
     strftime('%s','2023-11-17 02:01:00')+0, strftime('%s','2023-11-17 02:00:00')+0, strftime('%s','2023-11-17 07:59:59')+0,
     'part_of_day', 1, '此時',
     'Murati knew of the firing and did not warn Altman',
     '穆拉蒂事先知情，未提醒阿尔特曼',
     'By this point CTO Mira Murati already knew that her boss was about to be fired. She did not tell Altman privately, which the article says is usually seen as a betrayal.',
     '这时，首席技术官米拉·穆拉蒂已知道阿尔特曼即将被解雇，却没有私下给他通风报信。文章说，这种做法一般会被看作背叛。'),
    -- [3] 主線#02 · PT 2023-11-17 12:00:00 .. 12:00:00
    (3, 'main', '主線#02',
     strftime('%s','2023-11-17 20:00:00')+0, strftime('%s','2023-11-17 20:00:00')+0, strftime('%s','2023-11-17 20:00:00')+0,
     'minute', 0, '11月17日中午12點',
     'Board fires Altman on a Google Meet call',
     '董事会在Google Meet会议上解雇阿尔特曼',
     'At noon on Nov 17, Altman joined the Google Meet call on time and found every board member there except Greg Brockman. Speaking for the board, Sutskever told him he was fired.',
     '11月17日中午12点，阿尔特曼准时进入Google Meet会议，发现除格雷格·布罗克曼外，其他董事都已在线。苏茨克维代表董事会向他宣布了解雇决定。'),
    -- [4] 花絮2 · PT 2023-11-17 12:00:00 .. 12:23:00; ts 2023-11-17 12:01:00
    (4, 'aside', '花絮2',
     strftime('%s','2023-11-17 20:01:00')+0, strftime('%s','2023-11-17 20:00:00')+0, strftime('%s','2023-11-17 20:23:00')+0,
     'minute', 1, '',
     'A 4:2 vote on a six-member board',
     '六人董事会以4:2投票',
     'The board had six members. According to the article, the three outside directors allied with Sutskever, while Altman could vote on behalf of the absent Brockman; the result was 4:2 and Altman was out.',
     '据文章介绍，董事会共有6席：三名外部董事与苏茨克维结成同盟，阿尔特曼则可以替没有到会的布罗克曼投票。表决结果为4:2，阿尔特曼出局。'),
    -- [5] 主線#03 · PT 2023-11-17 12:23:00 .. 12:23:00
    (5, 'main', '主線#03',
     strftime('%s','2023-11-17 20:23:00')+0, strftime('%s','2023-11-17 20:23:00')+0, strftime('%s','2023-11-17 20:23:00')+0,
     'minute', 0, '12點23分',
     'Brockman removed from the board, keeps his post',
     '布罗克曼被移出董事会，但保留公司职务',
     'At 12:23 Greg Brockman also received a Google Meet link from Sutskever. On the call he was told that he was off the board but would keep his job at the company, and that Altman had been fired.',
     '12点23分，格雷格·布罗克曼也收到苏茨克维发来的Google Meet链接。进入会议后，他得知自己被逐出董事会、公司职务不变，阿尔特曼则已遭解雇。'),
    -- [6] 花絮3 · PT 2023-11-17 12:23:00 .. 15:59:59; ts 2023-11-17 12:24:00
    (6, 'aside', '花絮3',
     strftime('%s','2023-11-17 20:24:00')+0, strftime('%s','2023-11-17 20:23:00')+0, strftime('%s','2023-11-17 23:59:59')+0,
     'hour', 1, '',
     'Google Meet, not Teams, at a company 49% Microsoft-owned',
     '微软持股49%的公司，开会不用Teams',
     'Microsoft owns 49% of OpenAI, yet these internal calls ran on Google''s product rather than Microsoft Teams. The article jokes that this shows how awkward Teams must be to use.',
     '微软持有OpenAI 49%的股份，这几场内部会议用的却是谷歌的产品，而不是微软Teams。文章借此调侃Teams有多难用。'),
    -- [7] 主線#04 · PT 2023-11-17 15:00:00 .. 15:59:59
    (7, 'main', '主線#04',
     strftime('%s','2023-11-17 23:00:00')+0, strftime('%s','2023-11-17 23:00:00')+0, strftime('%s','2023-11-17 23:59:59')+0,
     'hour', 0, '17號下午3點',
     'OpenAI announces Murati as CEO',
     'OpenAI官宣穆拉蒂接任CEO',
     'At 3 pm on Nov 17, OpenAI officially announced that Mira Murati would take over as CEO. Microsoft was told just one minute before the announcement.',
     '11月17日下午3点，OpenAI正式宣布由米拉·穆拉蒂接任CEO。微软在官宣前仅1分钟才接到通知。'),
    -- [8] 主線#05 · PT 2023-11-17 15:00:00 .. 23:59:59; ts 2023-11-17 17:00:00
    (8, 'main', '主線#05',
     strftime('%s','2023-11-18 01:00:00')+0, strftime('%s','2023-11-17 23:00:00')+0, strftime('%s','2023-11-18 07:59:59')+0,
     'hour', 1, '隨后 / 兩個小時后',
     'Altman confirms his firing; Brockman quits',
     '阿尔特曼证实被解雇，布罗克曼辞职',
     'After the announcement, Altman confirmed on Twitter that he had been fired. Two hours later Brockman shared that post and announced his resignation, standing by Altman.',
     '官宣后，阿尔特曼发推确认自己遭到解雇。两个小时后，布罗克曼转发该推文，同时宣布辞职，表明与阿尔特曼同进同退。'),
    -- [9] 主線#06 · PT 2023-11-17 18:00:00 .. 2023-11-18 05:59:59; ts 2023-11-18 00:00:00
    (9, 'main', '主線#06',
     strftime('%s','2023-11-18 08:00:00')+0, strftime('%s','2023-11-18 02:00:00')+0, strftime('%s','2023-11-18 13:59:59')+0,
     'part_of_day', 0, '17號晚間 / 11月18日凌晨',
     'Exodus rumoured; three senior researchers quit',
     '传出员工将大批离职，三名高级研究人员辞职',
     'The coup caused an uproar inside OpenAI. On the evening of Nov 17 someone claimed on Twitter that many employees were about to leave, and early on Nov 18 three senior researchers announced their resignations.',
     '政变令OpenAI内部人心震荡。11月17日晚，有人在推特上放话说将有大量员工出走；到了18日凌晨，已有三位高级研究员宣告离职。'),
    -- [10] 花絮4 · PT 2023-11-17 18:00:00 .. 2023-11-18 23:59:59; ts 2023-11-18 01:00:00
    (10, 'aside', '花絮4',
     strftime('%s','2023-11-18 09:00:00')+0, strftime('%s','2023-11-18 02:00:00')+0, strftime('%s','2023-11-19 07:59:59')+0,
     'day', 1, '',
     'Altman''s assistant finds a new job in 16 minutes',
     '阿尔特曼的助理16分钟找到新工作',
     'Alex Cohen, Altman''s assistant, was let go along with his boss. He posted on Twitter that he was looking for work and, sixteen minutes later, had a new job as chief AI researcher at roofer.com.',
     '阿尔特曼的助理亚历克斯·科恩和老板一同丢了工作。他在推特上发帖表示想找新东家，仅过16分钟就被roofer.com聘为首席AI研究员。'),
    -- [11] 主線#07 · PT 2023-11-17 18:00:00 .. 2023-11-18 23:59:59; ts 2023-11-18 02:00:00
    (11, 'main', '主線#07',
     strftime('%s','2023-11-18 10:00:00')+0, strftime('%s','2023-11-18 02:00:00')+0, strftime('%s','2023-11-19 07:59:59')+0,
     'day', 1, '',
     'Worldwide outcry; Microsoft and Thrive press the board',
     '全球舆论声讨，微软与Thrive向董事会施压',
     'OpenAI''s board faced condemnation from public opinion around the world. Microsoft, caught off guard, and Thrive Capital, the second-largest shareholder, regained their footing and began to put pressure on the board.',
     'OpenAI董事会遭到全球舆论的声讨。起初措手不及的微软，以及第二大股东Thrive Capital，随后都缓过劲来，着手向董事会施压。'),
    -- [12] 花絮5 · PT 2023-11-17 18:00:00 .. 2023-11-18 23:59:59; ts 2023-11-18 03:00:00
    (12, 'aside', '花絮5',
     strftime('%s','2023-11-18 11:00:00')+0, strftime('%s','2023-11-18 02:00:00')+0, strftime('%s','2023-11-19 07:59:59')+0,
     'day', 1, '',
     'Musk vouches for Sutskever',
     '马斯克为苏茨克维说话',
     'Elon Musk seemed to be the only one quietly backing the coup. He posted that Sutskever has sound moral principles and no hunger for power, and would not take such drastic action unless he felt it was necessary. The article notes that it was Musk who had recruited Sutskever to OpenAI.',
     '马斯克似乎是唯一暗中支持政变的人。他发帖为苏茨克维说话，称其品行端正、对权力没有兴趣，若不是认为有必要，不会采取这样的极端行动。文章提到，当年正是马斯克帮OpenAI招来了苏茨克维。'),
    -- [13] 主線#08 · PT 2023-11-18 00:00:00 .. 23:59:59; ts 2023-11-18 04:00:00
    (13, 'main', '主線#08',
     strftime('%s','2023-11-18 12:00:00')+0, strftime('%s','2023-11-18 08:00:00')+0, strftime('%s','2023-11-19 07:59:59')+0,
     'day', 0, '11月18號',
     'Murati invites Altman back for talks',
     '穆拉蒂邀请阿尔特曼回公司谈判',
     'Under mounting pressure the story took a turn. On Nov 18, a day after the firing, interim CEO Murati invited Altman to come back to the company the following day for talks.',
     '压力之下，局势出现转折。11月18日，也就是阿尔特曼被解雇的第二天，临时CEO穆拉蒂邀请他次日回公司谈判。'),
    -- [14] 花絮6 · PT 2023-11-18 06:00:00 .. 11:59:59
    (14, 'aside', '花絮6',
     strftime('%s','2023-11-18 14:00:00')+0, strftime('%s','2023-11-18 14:00:00')+0, strftime('%s','2023-11-18 19:59:59')+0,
     'part_of_day', 0, '11月18日上午',
     'Altman says he loves the team; Murati adds a heart',
     '阿尔特曼示爱团队，穆拉蒂转发送爱心',
     'On the morning of Nov 18 Altman posted that he loved the OpenAI team dearly. Murati, in theory his adversary, shared the post and added a heart, leaving onlookers puzzled.',
     '11月18日上午，阿尔特曼发帖称自己非常喜欢OpenAI团队。按理说应与他对立的穆拉蒂却转发并点了爱心，旁观者看得一头雾水。'),
    -- [15] 主線#09 · PT 2023-11-19 12:00:00 .. 17:59:59
    (15, 'main', '主線#09',
     strftime('%s','2023-11-19 20:00:00')+0, strftime('%s','2023-11-19 20:00:00')+0, strftime('%s','2023-11-20 01:59:59')+0,
     'part_of_day', 0, '11月19日下午',
     'Altman returns to headquarters on a visitor badge',
     '阿尔特曼戴着访客牌回到总部',
     'On the afternoon of Nov 19 Altman went back to OpenAI''s San Francisco headquarters, with Brockman at his side. He was issued a visitor pass and posted that it would be the last time he wore a guest badge.',
     '11月19日下午，阿尔特曼由布罗克曼陪着回到位于旧金山的OpenAI总部，领了一张访客卡，并发推称这是他最后一次佩戴访客牌。'),
    -- [16] 花絮7 · PT 2023-11-19 12:00:00 .. 23:59:59; ts 2023-11-19 13:00:00
    (16, 'aside', '花絮7',
     strftime('%s','2023-11-19 21:00:00')+0, strftime('%s','2023-11-19 20:00:00')+0, strftime('%s','2023-11-20 07:59:59')+0,
     'part_of_day', 1, '',
     'Jobs took 12 years, Altman 48 hours',
     '乔布斯用了12年，阿尔特曼用了48小时',
     'Someone joked that it took Steve Jobs twelve years to return to Apple and Altman only 48 hours to return to OpenAI. The joke counted his visit to headquarters as a comeback.',
     '有人拿乔布斯打趣：他隔了12年才重回苹果，阿尔特曼回到OpenAI只花了48小时。这则调侃把他回总部一事当成了回归。'),
    -- [17] 主線#10 · PT 2023-11-19 18:00:00 .. 23:59:59
    (17, 'main', '主線#10',
     strftime('%s','2023-11-20 02:00:00')+0, strftime('%s','2023-11-20 02:00:00')+0, strftime('%s','2023-11-20 07:59:59')+0,
     'part_of_day', 0, '11月19日晚間',
     'Talks collapse; Emmett Shear named CEO',
     '谈判破裂，埃米特·希尔接任CEO',
     'On the evening of Nov 19 the talks broke down. Sutskever announced that Altman would not return to OpenAI and that Emmett Shear, a co-founder of Twitch, would take over as CEO.',
     '11月19日晚，双方谈崩。苏茨克维宣布阿尔特曼不会重返OpenAI，CEO一职将由Twitch联合创始人埃米特·希尔接替。'),
    -- [18] 花絮8 · PT 2023-11-19 18:00:00 .. 2023-11-20 05:59:59; ts 2023-11-19 19:00:00
    (18, 'aside', '花絮8',
     strftime('%s','2023-11-20 03:00:00')+0, strftime('%s','2023-11-20 02:00:00')+0, strftime('%s','2023-11-20 13:59:59')+0,
     'part_of_day', 1, '',
     'Murati''s push for their return angers the board',
     '穆拉蒂坚持让二人回归，激怒董事会',
     'Interim CEO Murati insisted that Altman and Brockman should come back, which angered the board, so it looked outside the company for a new CEO. The article suggests this may have been a shrewd choice on her part.',
     '穆拉蒂作为临时CEO执意要阿尔特曼和布罗克曼回来，惹恼了董事会，董事会因此转向外部物色新CEO。文章评论说，对她本人而言，这或许是一步高明的棋。'),
    -- [19] 主線#11 · PT 2023-11-20 00:00:00 .. 05:59:59
    (19, 'main', '主線#11',
     strftime('%s','2023-11-20 08:00:00')+0, strftime('%s','2023-11-20 08:00:00')+0, strftime('%s','2023-11-20 13:59:59')+0,
     'part_of_day', 0, '11月20日凌晨',
     'Nadella: Altman and Brockman will join Microsoft',
     '纳德拉宣布阿尔特曼和布罗克曼加入微软',
     'Early on Nov 20, Microsoft''s CEO Satya Nadella announced that Altman and Brockman would join Microsoft. Seeing no hope of Altman''s return, OpenAI employees began to leave.',
     '11月20日凌晨，纳德拉以微软CEO的身份宣布，阿尔特曼和布罗克曼将加盟微软。眼看阿尔特曼回不来了，OpenAI员工开始陆续离职。'),
    -- [20] 主線#12 · PT 2023-11-20 18:00:00 .. 23:59:59
    (20, 'main', '主線#12',
     strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 0, '20號晚上',
     'Sutskever introduces Shear at a tense staff meeting',
     '苏茨克维在员工会上介绍希尔，遭员工顶撞',
     'On the evening of Nov 20 Sutskever called an internal staff meeting to introduce the new CEO, Emmett Shear. Few employees came, and those who did clashed with Sutskever, who was left downcast.',
     '11月20日晚，苏茨克维召集公司内部员工开会，介绍新任CEO埃米特·希尔。来的人不多，到场员工当面与他顶撞起来，他情绪低落。'),
    -- [21] 花絮9 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 18:20:00
    (21, 'aside', '花絮9',
     strftime('%s','2023-11-21 02:20:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     'Staff greet Shear with a "Fuck You" emoji on Slack',
     '员工在Slack上用“Fuck You”表情“欢迎”希尔',
     'One after another, OpenAI employees greeted their new boss, Emmett Shear, on Slack with a "Fuck You" emoji. The article calls it, tongue in cheek, a welcome.',
     'OpenAI员工在Slack上接连用“Fuck You”表情包回应新老板埃米特·希尔。文章以反讽的口吻称之为“欢迎”。'),
    -- [22] 主線#13 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 18:40:00
    (22, 'main', '主線#13',
     strftime('%s','2023-11-21 02:40:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     '"OpenAI is nothing without its people"',
     '“OpenAI is nothing without its people”刷屏',
     'OpenAI executives and staff began to vote with their feet, flooding Twitter with one line: "OpenAI Is Nothing without its people". It was an open ultimatum to the board.',
     'OpenAI的高管和员工开始“用脚投票”，在推特上集中转发同一句话：“OpenAI Is Nothing without its people”（没有员工，OpenAI什么都不是），矛头直指董事会。'),
    -- [23] 花絮10 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 19:00:00
    (23, 'aside', '花絮10',
     strftime('%s','2023-11-21 03:00:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     'Microsoft shares jump on expected defections',
     '市场预期员工跳槽，微软股价大涨',
     'The market expected OpenAI''s staff to move to Microsoft en masse. Microsoft''s share price rose sharply.',
     '市场押注OpenAI员工将成批转投微软，微软股价应声大涨。'),
    -- [24] 主線#14 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 19:20:00
    (24, 'main', '主線#14',
     strftime('%s','2023-11-21 03:20:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     'Sutskever says he regrets the board''s action',
     '苏茨克维发帖认错',
     'Sutskever''s stance began to soften. In a post he said he deeply regretted taking part in the board''s action, had never meant to harm OpenAI, cherished what they had built together and would do everything he could to reunite the company.',
     '苏茨克维的态度开始松动。他发帖表示，后悔参与了董事会的行动，本意绝非伤害OpenAI；他珍视大家一起打造的成果，会尽全力让公司重归团结。'),
    -- [25] 花絮11 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 19:40:00
    (25, 'aside', '花絮11',
     strftime('%s','2023-11-21 03:40:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     'Anna Brockman pleads with Sutskever in tears',
     '安娜·布罗克曼含泪恳求苏茨克维',
     'Anna Brockman, Greg Brockman''s wife and herself an OpenAI employee, begged Sutskever in the office to change his stance and broke down in tears. The article suggests her tears may have weighed heavily with him.',
     '格雷格·布罗克曼的妻子安娜·布罗克曼也是OpenAI员工。她在办公室当面恳求苏茨克维回心转意，说着说着哭了起来。文章认为，她的眼泪或许对苏茨克维影响不小。'),
    -- [26] 主線#15 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 20:00:00
    (26, 'main', '主線#15',
     strftime('%s','2023-11-21 04:00:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '在推上刷屏的同時',
     'Murati starts a letter demanding the board resign',
     '穆拉蒂发起公开信，要求董事会辞职',
     'While the tweets were flooding in, Murati started a strongly worded open letter inside the company. It demanded that the board resign and that Altman and Brockman return; otherwise the signers would follow the two to Microsoft.',
     '推特上刷屏之际，穆拉蒂在公司内部牵头发起一封措辞强硬的公开信：董事会必须辞职，阿尔特曼和布罗克曼必须回来，否则签名者就随他们去微软。'),
    -- [27] 花絮12 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 20:20:00
    (27, 'aside', '花絮12',
     strftime('%s','2023-11-21 04:20:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     'Staff on leave come back to support Altman',
     '休假员工赶回公司声援阿尔特曼',
     'Many OpenAI employees who had been on leave hurried back to the office. They came to show their support for Altman.',
     '许多正在休假的OpenAI员工也匆匆回到公司，为阿尔特曼撑腰。'),
    -- [28] 主線#16 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 20:40:00
    (28, 'main', '主線#16',
     strftime('%s','2023-11-21 04:40:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     '743 staff sign the letter, Sutskever among them',
     '743名员工签名，苏茨克维也在其中',
     'Employees signed the letter in large numbers: 743 in the end, more than 95% of the staff. Even Sutskever, who had backed down, signed.',
     '大批员工在公开信上签名，最终达743人，超过员工总数的95%，连已经服软的苏茨克维也签了名。'),
    -- [29] 花絮13 · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 21:00:00
    (29, 'aside', '花絮13',
     strftime('%s','2023-11-21 05:00:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 1, '',
     'Altman praises Murati, Lightcap and Kwon',
     '阿尔特曼点名表扬穆拉蒂、莱特卡普和杰森·权',
     'Pleased with how his colleagues had acted, Altman tweeted praise naming Mira Murati, COO Brad Lightcap and Jason Kwon. For Murati, the article says, this amounted to a kind of pardon.',
     '阿尔特曼对同事们在这场风波中的表现十分满意，在推特上点名称赞了米拉·穆拉蒂、首席运营官布拉德·莱特卡普和杰森·权。文章认为，对穆拉蒂而言，这多少带有“赦免”之意。'),
    -- [30] 主線#17 · PT 2023-11-17 12:00:00 .. 2023-11-20 23:59:59; ts 2023-11-20 21:20:00
    (30, 'main', '主線#17',
     strftime('%s','2023-11-21 05:20:00')+0, strftime('%s','2023-11-17 20:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'day', 1, '',
     'Board seeks a merger with Anthropic and is rebuffed',
     '董事会找Anthropic商谈合并，遭拒',
     'Grasping at straws, OpenAI''s board approached its rival Anthropic about a possible merger, according to The Information. Anthropic turned it down flatly.',
     '据The Information报道，慌不择路的OpenAI董事会向竞争对手Anthropic提出合并意向，遭到对方一口回绝。'),
    -- [31] 主線#18 · PT 2023-11-20 18:00:00 .. 2023-11-21 23:59:59; ts 2023-11-20 22:00:00
    (31, 'main', '主線#18',
     strftime('%s','2023-11-21 06:00:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-22 07:59:59')+0,
     'day', 0, '11月20號晚上 / 第二天的11月21日',
     'Nadella backs Altman on Bloomberg; talks resume',
     '纳德拉上彭博力挺阿尔特曼，谈判重启',
     'On the evening of Nov 20 Nadella appeared on Bloomberg and again firmly backed Altman. The next day, Nov 21, Altman reopened negotiations with OpenAI''s board.',
     '11月20日晚，纳德拉在彭博节目中重申力挺阿尔特曼。到了11月21日，阿尔特曼与OpenAI董事会重启谈判。'),
    -- [32] 花絮14 · PT 2023-11-20 18:00:00 .. 2023-11-21 22:03:00; ts 2023-11-20 23:00:00
    (32, 'aside', '花絮14',
     strftime('%s','2023-11-21 07:00:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-22 06:03:00')+0,
     'day', 1, '',
     'Shear says he will quit without an explanation',
     '希尔称董事会说不清解雇理由他就离职',
     'Sensing trouble, the new CEO Emmett Shear hastened to say that he too would leave if the board could not explain why it had fired Altman.',
     '新任CEO埃米特·希尔察觉局面不对，连忙表态：董事会若讲不清解雇阿尔特曼的理由，他也将辞职。'),
    -- [33] 主線#19 · PT 2023-11-21 00:00:00 .. 22:03:00
    (33, 'main', '主線#19',
     strftime('%s','2023-11-21 08:00:00')+0, strftime('%s','2023-11-21 08:00:00')+0, strftime('%s','2023-11-22 06:03:00')+0,
     'day', 1, '',
     'Chesky negotiates for Altman, Shear for the board',
     '切斯基代表阿尔特曼谈判，希尔代表董事会',
     'Altman had his friend Brian Chesky, Airbnb''s CEO, negotiate on his behalf. Across the table, the board was represented by its newly appointed CEO, Emmett Shear.',
     '谈判桌上，阿尔特曼一方由他的朋友、爱彼迎CEO布莱恩·切斯基出面；董事会一方则由上任不久的CEO埃米特·希尔代表。'),
    -- [34] 花絮15 · PT 2023-11-21 00:00:00 .. 22:03:00; ts 2023-11-21 01:00:00
    (34, 'aside', '花絮15',
     strftime('%s','2023-11-21 09:00:00')+0, strftime('%s','2023-11-21 08:00:00')+0, strftime('%s','2023-11-22 06:03:00')+0,
     'day', 1, '在談判期間',
     'Signatures reach 97% (747 of 770)',
     '签名比例升至97%（747/770）',
     'During the talks the share of staff who had signed the open letter rose to 97%, 747 of 770. The article concludes that Altman clearly held the stronger hand.',
     '谈判期间，公开信的签名比例升至97%（770人中的747人）。文章认为，主动权显然已在阿尔特曼一边。'),
    -- [35] 主線#20 · PT 2023-11-21 22:03:00 .. 22:03:00
    (35, 'main', '主線#20',
     strftime('%s','2023-11-22 06:03:00')+0, strftime('%s','2023-11-22 06:03:00')+0, strftime('%s','2023-11-22 06:03:00')+0,
     'minute', 1, '北京時間11月22日下午2:03分',
     'Altman returns as CEO under a new board',
     '阿尔特曼重任CEO，董事会改组',
     'The talks ended with Altman returning to OpenAI as CEO and a new board: Bret Taylor as chair, Larry Summers and Adam D''Angelo. The board shrank from six members to three, with D''Angelo the only holdover. Under the deal Altman stays off the board at first and Microsoft has no seat or observer role for now; Brockman came back as well.',
     '谈判落幕：阿尔特曼重返OpenAI出任CEO，董事会改组为布雷特·泰勒（主席）、拉里·萨默斯和亚当·德安杰洛三人。董事会从6人减至3人，德安杰洛是旧董事会中唯一留下的成员。按谈判结果，阿尔特曼初期不进董事会，微软暂时既无席位也无观察员身份；布罗克曼也随之回归。'),
    -- [36] 花絮16 · PT 2023-11-21 22:03:00 .. 23:59:59; ts 2023-11-21 22:04:00
    (36, 'aside', '花絮16',
     strftime('%s','2023-11-22 06:04:00')+0, strftime('%s','2023-11-22 06:03:00')+0, strftime('%s','2023-11-22 07:59:59')+0,
     'day', 1, '',
     'Brockman celebrates; Shear claims some credit',
     '布罗克曼庆祝，希尔发推邀功',
     'Brockman celebrated and said he would go straight back to writing code. Emmett Shear, CEO for three days, also tweeted, claiming a share of the credit.',
     '布罗克曼欢庆回归，说要立刻回去写代码；只做了3天CEO的埃米特·希尔也发推，为自己表功。'),
    -- [37] 主線#21 · PT 2023-11-21 22:03:00 .. 23:59:59; ts 2023-11-21 22:05:00
    (37, 'main', '主線#21',
     strftime('%s','2023-11-22 06:05:00')+0, strftime('%s','2023-11-22 06:03:00')+0, strftime('%s','2023-11-22 07:59:59')+0,
     'day', 1, '',
     'Altman celebrates and vows closer ties with Microsoft',
     '阿尔特曼发推庆祝，称将加强与微软合作',
     'Altman tweeted to celebrate the end of the affair and said he would strengthen the partnership with Microsoft. Nadella shared the post; the article judges that Microsoft came out of the crisis with long-term gains.',
     '阿尔特曼发推庆贺风波平息，并称将深化与微软的合作，纳德拉转发了该推文。文章的判断是，微软从这场风波中收获了长远利益。');

-- Background: the dated history in the causes section ("02、起因").
INSERT INTO event (id, kind, marker, ts, t_min, t_max, precision, inferred,
                   time_text, title_en, title_zh, summary_en, summary_zh) VALUES
    -- [101] background · PT 2019-01-01 00:00:00 .. 2019-12-31 23:59:59
    (101, 'background', NULL,
     strftime('%s','2019-01-01 08:00:00')+0, strftime('%s','2019-01-01 08:00:00')+0, strftime('%s','2020-01-01 07:59:59')+0,
     'year', 0, '2019年',
     'OpenAI turns toward a capped-profit model',
     'OpenAI向“盈利上限”公司转型',
     'As a non-profit, OpenAI could not keep attracting talent, above all on pay and stock options, so in 2019, under Altman, it began turning into a "capped-profit" company. It set up a for-profit entity, OpenAI Global LLC, to raise money, but kept the board structure of its non-profit days. The article says that board exists to keep AI safe, and that the charter makes OpenAI''s primary fiduciary duty one to humanity, not to investors or employees.',
     'OpenAI起初是非营利组织，这种架构在薪资和期权上缺乏竞争力，难以长期留住和招揽人才。2019年，阿尔特曼主导OpenAI改制为“盈利上限”模式，另设营利实体OpenAI Global LLC来融资，董事会却仍是非营利时期的架构。文章指出，这个董事会的使命在于保证AI安全；公司章程写明，OpenAI首要的法定责任在于人类，而非投资者和员工。'),
    -- [102] background · PT 2019-01-01 00:00:00 .. 2019-12-31 23:59:59; ts 2019-01-01 00:01:00
    (102, 'background', NULL,
     strftime('%s','2019-01-01 08:01:00')+0, strftime('%s','2019-01-01 08:00:00')+0, strftime('%s','2020-01-01 07:59:59')+0,
     'year', 0, '同年',
     'Microsoft invests $1 billion in OpenAI',
     '微软向OpenAI投资10亿美元',
     'In 2019, the year OpenAI created its for-profit entity, Microsoft invested one billion US dollars. By the time of the crisis, the article says, Microsoft held 49% of OpenAI and had put in more than ten billion dollars.',
     '2019年，也就是OpenAI设立营利实体的同一年，微软投资10亿美元。文章称，到危机爆发时，微软已持有OpenAI 49%的股份，累计投入超过百亿美元。'),
    -- [103] background · PT 2020-01-01 00:00:00 .. 2020-12-31 23:59:59
    (103, 'background', NULL,
     strftime('%s','2020-01-01 08:00:00')+0, strftime('%s','2020-01-01 08:00:00')+0, strftime('%s','2021-01-01 07:59:59')+0,
     'year', 0, '2020年',
     'Dario Amodei leaves OpenAI and founds Anthropic',
     '达里奥·阿莫迪离开OpenAI，创办Anthropic',
     'Dario Amodei, an OpenAI employee deeply wary of AI''s moral and ethical risks, left in 2020 over his sharp differences with Altman''s views and founded Anthropic. The article describes Anthropic as second only to OpenAI among large-model start-ups, with Claude 2 as its core product and investment from Amazon and Google.',
     'OpenAI员工达里奥·阿莫迪对AI的道德与伦理风险高度警惕，与阿尔特曼理念差异巨大，于2020年离职并创办Anthropic。文章称，Anthropic在大模型创业公司中仅次于OpenAI，核心产品Claude2，先后获得亚马逊和谷歌投资。'),
    -- [104] background · PT 2021-01-01 00:00:00 .. 2021-12-31 23:59:59
    (104, 'background', NULL,
     strftime('%s','2021-01-01 08:00:00')+0, strftime('%s','2021-01-01 08:00:00')+0, strftime('%s','2022-01-01 07:59:59')+0,
     'year', 0, '2021年',
     'Sutskever starts GPT-Zero',
     '苏茨克维启动GPT-Zero研究',
     'In 2021 Sutskever launched GPT-Zero, a project on training new models with computer-generated data rather than real-world data such as text and images taken from the internet. According to the article, its breakthrough ended the shortage of high-quality training data and led to the Q-Star breakthrough.',
     '2021年，苏茨克维启动GPT-Zero项目，探索以计算机合成的数据代替真实世界的数据（如从网上抓取的文本和图像）来训练新模型。文章称，这一项目取得突破后，OpenAI摆脱了高质量语料不足的困境，Q-Star项目随之取得突破。'),
    -- [105] background · PT 2023-01-01 00:00:00 .. 2023-01-31 23:59:59
    (105, 'background', NULL,
     strftime('%s','2023-01-01 08:00:00')+0, strftime('%s','2023-01-01 08:00:00')+0, strftime('%s','2023-02-01 07:59:59')+0,
     'month', 0, '2023年1月',
     'Microsoft brings GPT into its product suite',
     '微软宣布将GPT加入全家桶',
     'In January 2023 Microsoft announced that GPT would be added across its suite of products. The article presents it as the first of the steps by which OpenAI''s product side rode ChatGPT''s momentum toward commercialisation.',
     '2023年1月，微软宣布把GPT加入旗下“全家桶”产品。文章把此事列为OpenAI产品部门借ChatGPT之势推进商业化的第一步。'),
    -- [106] background · PT 2023-02-01 00:00:00 .. 2023-02-28 23:59:59
    (106, 'background', NULL,
     strftime('%s','2023-02-01 08:00:00')+0, strftime('%s','2023-02-01 08:00:00')+0, strftime('%s','2023-03-01 07:59:59')+0,
     'month', 0, '2月',
     'A paid version of ChatGPT launches',
     '付费版ChatGPT推出',
     'In February 2023 a paid version of ChatGPT was launched. It was the next step in the commercial push the article traces through early 2023.',
     '2023年2月，付费版ChatGPT推出，这是文章梳理的2023年初商业化进程中的又一步。'),
    -- [107] background · PT 2023-03-01 00:00:00 .. 2023-03-31 23:59:59
    (107, 'background', NULL,
     strftime('%s','2023-03-01 08:00:00')+0, strftime('%s','2023-03-01 08:00:00')+0, strftime('%s','2023-04-01 06:59:59')+0,
     'month', 0, '3月',
     'API tools for business customers',
     '面向企业用户的API工具推出',
     'In March 2023 API tools were launched to help business users. It was another step in the same commercial push.',
     '2023年3月，帮助企业用户的API工具推出，这是同一轮商业化进程中的又一步。'),
    -- [108] background · PT 2023-03-15 00:00:00 .. 2023-04-14 23:59:59
    (108, 'background', NULL,
     strftime('%s','2023-03-15 07:00:00')+0, strftime('%s','2023-03-15 07:00:00')+0, strftime('%s','2023-04-15 06:59:59')+0,
     'day', 1, '兩周后',
     'GPT-4 is released',
     'GPT-4问世',
     'Two weeks after the API tools, GPT-4 was released. Amid this rapid commercial progress, the article says, a subtle rift opened between those who wanted technology to keep accelerating and those who wanted AI shown to be no threat to humans before public release.',
     'API工具推出两周后，GPT-4问世。文章称，在商业化高歌猛进之际，一派认为技术应不停加速，另一派则要求先确认AI不会威胁人类、再推出公开产品，两派之间出现了微妙的裂痕。'),
    -- [109] background · PT 2023-01-01 00:00:00 .. 2023-06-30 23:59:59; ts 2023-03-15 00:01:00
    (109, 'background', NULL,
     strftime('%s','2023-03-15 07:01:00')+0, strftime('%s','2023-01-01 08:00:00')+0, strftime('%s','2023-07-01 06:59:59')+0,
     'month', 0, '2023年上半年',
     'Sutskever burns a wooden effigy of amoral AI',
     '苏茨克维烧掉“不具备人类道德的AI”木雕',
     'In the first half of 2023 Sutskever, who made no secret of his worries about AI, had a San Francisco artist make a wooden carving named "AI without human morals" and then burned it on the spot.',
     '2023年上半年，毫不掩饰对AI忧虑的苏茨克维请一位旧金山艺术家做了一个木雕，取名“不具备人类道德的AI”，随后当场把它烧掉。'),
    -- [110] background · PT 2023-07-01 00:00:00 .. 2023-07-31 23:59:59
    (110, 'background', NULL,
     strftime('%s','2023-07-01 07:00:00')+0, strftime('%s','2023-07-01 07:00:00')+0, strftime('%s','2023-08-01 06:59:59')+0,
     'month', 0, '今年7月',
     'Sutskever announces the superalignment team',
     '苏茨克维宣布成立“超级对齐”项目组',
     'In July 2023 Sutskever announced a project team called "superalignment". As the article puts it, the aim was for AI to feel an unconditional love for humanity on the scale of Jesus or the Buddha. He argued that without such love at the outset, AI evolving itself at speed would slip out of human control, leaving people in the position animals hold toward humans.',
     '2023年7月，苏茨克维宣布成立名为“超级对齐”的项目组。按文章的说法，其目标是让AI对人类怀有耶稣或释迦牟尼那样无条件的大爱。他认为，倘若AI从一开始就不具备这种爱，以它自我进化之快，人类迟早会失去控制，人与AI的关系将沦为人与动物那样。'),
    -- [111] background · PT 2023-11-07 00:00:00 .. 23:59:59
    (111, 'background', NULL,
     strftime('%s','2023-11-07 08:00:00')+0, strftime('%s','2023-11-07 08:00:00')+0, strftime('%s','2023-11-08 07:59:59')+0,
     'day', 0, '11月7日',
     'DevDay launches GPTs and the GPT Store',
     'OpenAI开发者大会发布GPTs和GPT Store',
     'At OpenAI''s developer conference on Nov 7, the GPTs and GPT Store it launched were a great success and developers poured in. The article sees OpenAI retracing the path of Apple''s App Store, and lists the event first among the triggers that alarmed safety-minded board members.',
     '11月7日OpenAI开发者大会推出的GPTs和GPT Store反响热烈，大批开发者涌入。文章认为OpenAI正在复制苹果App Store的路径，并把此事列为令持安全主义观点的董事忧虑的第一个导火索。'),
    -- [112] background · PT 2023-11-01 00:00:00 .. 2023-11-17 11:59:59; ts 2023-11-08 00:00:00
    (112, 'background', NULL,
     strftime('%s','2023-11-08 08:00:00')+0, strftime('%s','2023-11-01 07:00:00')+0, strftime('%s','2023-11-17 19:59:59')+0,
     'month', 1, '',
     'Altman hints at a breakthrough at APEC',
     '阿尔特曼在APEC讲话中暗示重大突破',
     'Altman''s remarks at APEC left the impression that OpenAI had made a major breakthrough. He said the technological change under way would transform how people live, the economy and society, and that such a moment had come four times in OpenAI''s history, most recently within the past few weeks. The article lists this as the second trigger of the crisis.',
     '阿尔特曼在APEC上的讲话让人觉得OpenAI取得了重大突破。他说，眼下的技术变革将从根本上重塑人们的生活方式以及经济和社会结构；这样的时刻在OpenAI历史上出现过四次，最近一次就在过去几周之内。文章把此事列为危机的第二个导火索。'),
    -- [113] background · PT 2023-11-20 18:00:00 .. 23:59:59; ts 2023-11-20 21:40:00
    (113, 'background', NULL,
     strftime('%s','2023-11-21 05:40:00')+0, strftime('%s','2023-11-21 02:00:00')+0, strftime('%s','2023-11-21 07:59:59')+0,
     'part_of_day', 0, '11月20日晚間',
     'The Information reports the Anthropic merger approach',
     'The Information披露董事会曾接洽Anthropic谈合并',
     'On the evening of Nov 20, The Information reported that after ousting Altman, OpenAI''s board had secretly approached the AI start-up Anthropic with a view to merging the two companies; Anthropic declined. Little noticed at the time, the report is read by the article as pointing to the real cause of the coup, a clash between accelerationism and safety, and to the board''s wish to bring back Dario Amodei to curb OpenAI''s drift toward commercialisation.',
     '11月20日晚，The Information披露：阿尔特曼被逐之后，OpenAI董事会曾暗中找过同为AI创业公司的Anthropic，想促成两家合并，但被Anthropic回绝。这条消息当时没引起多少注意，文章却认为它点出了政变的真正起因——加速与安全两条路线的分歧，也说明董事会想请达里奥·阿莫迪回来，扭转OpenAI越来越偏向商业化的势头。'),
    -- [114] background · PT 2023-11-17 12:00:00 .. 2023-11-24 23:59:59; ts 2023-11-22 00:00:00
    (114, 'background', NULL,
     strftime('%s','2023-11-22 08:00:00')+0, strftime('%s','2023-11-17 20:00:00')+0, strftime('%s','2023-11-25 07:59:59')+0,
     'day', 1, '',
     'Reports of Q*, a model that solves maths problems',
     '媒体报道Q*模型',
     'According to Reuters and The Information, two OpenAI researchers, Jakub Pachocki and Szymon Sidor, developed a model called Q* (Q-Star) that solves maths problems with unprecedented ability. The article quotes the reports: "demos of the model circulated inside OpenAI, and the speed of its progress alarmed some researchers concerned with AI safety." The article adds that Sutskever was cautious about Q*, while Brockman kept looking for ways to build it into new products.',
     '路透社和The Information报道，OpenAI的雅各布·帕乔基与西蒙·西多尔两位研究人员做出了一个叫Q*（Q-Star）的模型，它解数学题的本领前所未有。文章引述报道说：“该模型的演示在OpenAI内部流传，其发展速度令一些关注人工智能安全的研究人员感到震惊。”文章还说，苏茨克维对Q*心存戒备，布罗克曼却一心想把它用进新产品。');

-- ==================================================================== participants

INSERT INTO participant (event_id, person_id, role) VALUES
    -- [1] 主線#01
    (1, 2, 'actor'),  -- sutskever
    (1, 1, 'subject'),  -- altman
    (1, 34, 'mentioned'),  -- google
    -- [2] 花絮1
    (2, 3, 'actor'),  -- murati
    (2, 1, 'subject'),  -- altman
    -- [3] 主線#02
    (3, 2, 'actor'),  -- sutskever
    (3, 63, 'actor'),  -- board
    (3, 1, 'subject'),  -- altman
    (3, 4, 'mentioned'),  -- brockman
    (3, 34, 'mentioned'),  -- google
    -- [4] 花絮2
    (4, 2, 'actor'),  -- sutskever
    (4, 7, 'actor'),  -- dangelo
    (4, 62, 'actor'),  -- outside-directors
    (4, 63, 'actor'),  -- board
    (4, 1, 'subject'),  -- altman
    (4, 4, 'mentioned'),  -- brockman
    -- [5] 主線#03
    (5, 2, 'actor'),  -- sutskever
    (5, 4, 'subject'),  -- brockman
    (5, 1, 'mentioned'),  -- altman
    (5, 34, 'mentioned'),  -- google
    -- [6] 花絮3
    (6, 30, 'subject'),  -- openai
    (6, 31, 'mentioned'),  -- microsoft
    (6, 34, 'mentioned'),  -- google
    -- [7] 主線#04
    (7, 30, 'actor'),  -- openai
    (7, 3, 'subject'),  -- murati
    (7, 31, 'subject'),  -- microsoft
    -- [8] 主線#05
    (8, 1, 'actor'),  -- altman
    (8, 4, 'actor'),  -- brockman
    -- [9] 主線#06
    (9, 61, 'actor'),  -- senior-researchers
    (9, 60, 'mentioned'),  -- employees
    (9, 30, 'mentioned'),  -- openai
    -- [10] 花絮4
    (10, 11, 'actor'),  -- cohen
    (10, 1, 'mentioned'),  -- altman
    (10, 39, 'mentioned'),  -- roofer
    -- [11] 主線#07
    (11, 31, 'actor'),  -- microsoft
    (11, 32, 'actor'),  -- thrive
    (11, 63, 'subject'),  -- board
    -- [12] 花絮5
    (12, 16, 'actor'),  -- musk
    (12, 2, 'subject'),  -- sutskever
    (12, 30, 'mentioned'),  -- openai
    -- [13] 主線#08
    (13, 3, 'actor'),  -- murati
    (13, 1, 'subject'),  -- altman
    -- [14] 花絮6
    (14, 1, 'actor'),  -- altman
    (14, 3, 'actor'),  -- murati
    -- [15] 主線#09
    (15, 1, 'actor'),  -- altman
    (15, 4, 'actor'),  -- brockman
    (15, 30, 'mentioned'),  -- openai
    -- [16] 花絮7
    (16, 1, 'subject'),  -- altman
    (16, 19, 'mentioned'),  -- jobs
    (16, 44, 'mentioned'),  -- apple
    -- [17] 主線#10
    (17, 2, 'actor'),  -- sutskever
    (17, 1, 'subject'),  -- altman
    (17, 5, 'subject'),  -- shear
    (17, 38, 'mentioned'),  -- twitch
    -- [18] 花絮8
    (18, 3, 'actor'),  -- murati
    (18, 63, 'actor'),  -- board
    (18, 1, 'mentioned'),  -- altman
    (18, 4, 'mentioned'),  -- brockman
    -- [19] 主線#11
    (19, 6, 'actor'),  -- nadella
    (19, 31, 'actor'),  -- microsoft
    (19, 60, 'actor'),  -- employees
    (19, 1, 'subject'),  -- altman
    (19, 4, 'subject'),  -- brockman
    -- [20] 主線#12
    (20, 2, 'actor'),  -- sutskever
    (20, 60, 'actor'),  -- employees
    (20, 5, 'subject'),  -- shear
    -- [21] 花絮9
    (21, 60, 'actor'),  -- employees
    (21, 5, 'subject'),  -- shear
    -- [22] 主線#13
    (22, 60, 'actor'),  -- employees
    (22, 63, 'subject'),  -- board
    (22, 30, 'mentioned'),  -- openai
    -- [23] 花絮10
    (23, 31, 'subject'),  -- microsoft
    (23, 60, 'mentioned'),  -- employees
    -- [24] 主線#14
    (24, 2, 'actor'),  -- sutskever
    (24, 63, 'mentioned'),  -- board
    -- [25] 花絮11
    (25, 12, 'actor'),  -- anna-brockman
    (25, 2, 'subject'),  -- sutskever
    (25, 4, 'mentioned'),  -- brockman
    -- [26] 主線#15
    (26, 3, 'actor'),  -- murati
    (26, 60, 'actor'),  -- employees
    (26, 63, 'subject'),  -- board
    (26, 1, 'mentioned'),  -- altman
    (26, 4, 'mentioned'),  -- brockman
    (26, 31, 'mentioned'),  -- microsoft
    -- [27] 花絮12
    (27, 60, 'actor'),  -- employees
    (27, 1, 'subject'),  -- altman
    -- [28] 主線#16
    (28, 60, 'actor'),  -- employees
    (28, 2, 'actor'),  -- sutskever
    (28, 63, 'subject'),  -- board
    -- [29] 花絮13
    (29, 1, 'actor'),  -- altman
    (29, 3, 'subject'),  -- murati
    (29, 13, 'subject'),  -- lightcap
    (29, 14, 'subject'),  -- kwon
    -- [30] 主線#17
    (30, 63, 'actor'),  -- board
    (30, 33, 'subject'),  -- anthropic
    (30, 41, 'mentioned'),  -- the-information
    -- [31] 主線#18
    (31, 6, 'actor'),  -- nadella
    (31, 1, 'actor'),  -- altman
    (31, 63, 'actor'),  -- board
    (31, 40, 'mentioned'),  -- bloomberg
    (31, 31, 'mentioned'),  -- microsoft
    -- [32] 花絮14
    (32, 5, 'actor'),  -- shear
    (32, 63, 'subject'),  -- board
    (32, 1, 'mentioned'),  -- altman
    -- [33] 主線#19
    (33, 1, 'actor'),  -- altman
    (33, 10, 'actor'),  -- chesky
    (33, 5, 'actor'),  -- shear
    (33, 63, 'mentioned'),  -- board
    (33, 36, 'mentioned'),  -- airbnb
    -- [34] 花絮15
    (34, 60, 'actor'),  -- employees
    (34, 1, 'mentioned'),  -- altman
    -- [35] 主線#20
    (35, 30, 'actor'),  -- openai
    (35, 1, 'subject'),  -- altman
    (35, 63, 'subject'),  -- board
    (35, 8, 'subject'),  -- taylor
    (35, 9, 'subject'),  -- summers
    (35, 7, 'subject'),  -- dangelo
    (35, 4, 'subject'),  -- brockman
    (35, 31, 'mentioned'),  -- microsoft
    -- [36] 花絮16
    (36, 4, 'actor'),  -- brockman
    (36, 5, 'actor'),  -- shear
    -- [37] 主線#21
    (37, 1, 'actor'),  -- altman
    (37, 6, 'actor'),  -- nadella
    (37, 31, 'subject'),  -- microsoft
    -- [101] bg: OpenAI turns toward a capped-profit model
    (101, 1, 'actor'),  -- altman
    (101, 30, 'subject'),  -- openai
    (101, 63, 'mentioned'),  -- board
    -- [102] bg: Microsoft invests $1 billion in OpenAI
    (102, 31, 'actor'),  -- microsoft
    (102, 30, 'subject'),  -- openai
    -- [103] bg: Dario Amodei leaves OpenAI and founds Anthropic
    (103, 15, 'actor'),  -- amodei
    (103, 33, 'subject'),  -- anthropic
    (103, 30, 'mentioned'),  -- openai
    (103, 1, 'mentioned'),  -- altman
    (103, 35, 'mentioned'),  -- amazon
    (103, 34, 'mentioned'),  -- google
    -- [104] bg: Sutskever starts GPT-Zero
    (104, 2, 'actor'),  -- sutskever
    (104, 30, 'mentioned'),  -- openai
    -- [105] bg: Microsoft brings GPT into its product suite
    (105, 31, 'actor'),  -- microsoft
    (105, 30, 'mentioned'),  -- openai
    -- [106] bg: A paid version of ChatGPT launches
    (106, 30, 'actor'),  -- openai
    -- [107] bg: API tools for business customers
    (107, 30, 'actor'),  -- openai
    -- [108] bg: GPT-4 is released
    (108, 30, 'actor'),  -- openai
    -- [109] bg: Sutskever burns a wooden effigy of amoral AI
    (109, 2, 'actor'),  -- sutskever
    -- [110] bg: Sutskever announces the superalignment team
    (110, 2, 'actor'),  -- sutskever
    (110, 30, 'mentioned'),  -- openai
    -- [111] bg: DevDay launches GPTs and the GPT Store
    (111, 30, 'actor'),  -- openai
    (111, 44, 'mentioned'),  -- apple
    -- [112] bg: Altman hints at a breakthrough at APEC
    (112, 1, 'actor'),  -- altman
    (112, 30, 'mentioned'),  -- openai
    -- [113] bg: The Information reports the Anthropic merger approach
    (113, 41, 'actor'),  -- the-information
    (113, 63, 'subject'),  -- board
    (113, 33, 'subject'),  -- anthropic
    (113, 15, 'mentioned'),  -- amodei
    (113, 1, 'mentioned'),  -- altman
    -- [114] bg: Reports of Q*, a model that solves maths problems
    (114, 42, 'actor'),  -- reuters
    (114, 41, 'actor'),  -- the-information
    (114, 17, 'subject'),  -- pachocki
    (114, 18, 'subject'),  -- sidor
    (114, 2, 'mentioned'),  -- sutskever
    (114, 4, 'mentioned'),  -- brockman
    (114, 30, 'mentioned');  -- openai

-- ==================================================================== roles

-- part: what the split makes of a role at OpenAI (schema.sql, role_title).
INSERT INTO role_title (code, name_en, name_zh, part) VALUES
    ('ceo', 'CEO', '首席执行官', 'chief'),
    ('interim_ceo', 'Interim CEO', '临时CEO', 'chief'),
    ('board', 'Board member', '董事', 'seat'),
    ('chair', 'Board chair', '董事会主席', 'chair'),
    ('president', 'President', '总裁', 'officer'),
    ('cto', 'CTO', '首席技术官', 'officer'),
    ('chief_scientist', 'Chief scientist', '首席科学家', 'officer'),
    ('coo', 'COO', '首席运营官', 'officer'),
    ('assistant', 'Assistant', '助理', ''),
    ('cofounder', 'Co-founder', '联合创始人', ''),
    ('founder', 'Founder', '创始人', ''),
    ('chief_ai_researcher', 'Chief AI researcher', '首席AI研究员', ''),
    ('researcher', 'Researcher', '研究人员', ''),
    ('senior_researcher', 'Senior researcher', '高级研究人员', ''),
    ('staff', 'Staff member', '员工', ''),
    ('returned', 'Back at OpenAI (no title given)', '回归OpenAI（文章未提职务）', '');

-- since/until are the ts of the events that begin and end a role.
INSERT INTO role (id, person_id, org_id, code, since, until, since_event, until_event) VALUES
    -- altman: ceo at openai, until 主線#02
    (1, 1, 30, 'ceo', NULL, (SELECT ts FROM event WHERE id = 3), NULL, 3),
    -- altman: board at openai, until 主線#02
    (2, 1, 30, 'board', NULL, (SELECT ts FROM event WHERE id = 3), NULL, 3),
    -- altman: ceo at openai, from 主線#20
    (3, 1, 30, 'ceo', (SELECT ts FROM event WHERE id = 35), NULL, 35, NULL),
    -- sutskever: chief_scientist at openai
    (4, 2, 30, 'chief_scientist', NULL, NULL, NULL, NULL),
    -- sutskever: board at openai, until 主線#20
    (5, 2, 30, 'board', NULL, (SELECT ts FROM event WHERE id = 35), NULL, 35),
    -- murati: cto at openai
    (6, 3, 30, 'cto', NULL, NULL, NULL, NULL),
    -- murati: interim_ceo at openai, from 主線#04, until 主線#10
    (7, 3, 30, 'interim_ceo', (SELECT ts FROM event WHERE id = 7), (SELECT ts FROM event WHERE id = 17), 7, 17),
    -- brockman: president at openai, until 主線#05
    (8, 4, 30, 'president', NULL, (SELECT ts FROM event WHERE id = 8), NULL, 8),
    -- brockman: board at openai, until 主線#03
    (9, 4, 30, 'board', NULL, (SELECT ts FROM event WHERE id = 5), NULL, 5),
    -- brockman: back at openai from 主線#20; the article calls him the former president and gives no new title
    (10, 4, 30, 'returned', (SELECT ts FROM event WHERE id = 35), NULL, 35, NULL),
    -- shear: ceo at openai, from 主線#10, until 主線#20
    (11, 5, 30, 'ceo', (SELECT ts FROM event WHERE id = 17), (SELECT ts FROM event WHERE id = 35), 17, 35),
    -- shear: cofounder at twitch
    (12, 5, 38, 'cofounder', NULL, NULL, NULL, NULL),
    -- nadella: ceo at microsoft
    (13, 6, 31, 'ceo', NULL, NULL, NULL, NULL),
    -- dangelo: board at openai
    (14, 7, 30, 'board', NULL, NULL, NULL, NULL),
    -- dangelo: cofounder at quora
    (15, 7, 37, 'cofounder', NULL, NULL, NULL, NULL),
    -- dangelo: ceo at quora
    (16, 7, 37, 'ceo', NULL, NULL, NULL, NULL),
    -- outside-directors: board at openai, until 主線#20
    (17, 62, 30, 'board', NULL, (SELECT ts FROM event WHERE id = 35), NULL, 35),
    -- taylor: chair at openai, from 主線#20
    (18, 8, 30, 'chair', (SELECT ts FROM event WHERE id = 35), NULL, 35, NULL),
    -- taylor: board at openai, from 主線#20
    (19, 8, 30, 'board', (SELECT ts FROM event WHERE id = 35), NULL, 35, NULL),
    -- summers: board at openai, from 主線#20
    (20, 9, 30, 'board', (SELECT ts FROM event WHERE id = 35), NULL, 35, NULL),
    -- chesky: ceo at airbnb
    (21, 10, 36, 'ceo', NULL, NULL, NULL, NULL),
    -- cohen: assistant at openai, until 主線#02
    (22, 11, 30, 'assistant', NULL, (SELECT ts FROM event WHERE id = 3), NULL, 3),
    -- cohen: chief_ai_researcher at roofer, from 花絮4
    (23, 11, 39, 'chief_ai_researcher', (SELECT ts FROM event WHERE id = 10), NULL, 10, NULL),
    -- anna-brockman: staff at openai
    (24, 12, 30, 'staff', NULL, NULL, NULL, NULL),
    -- lightcap: coo at openai
    (25, 13, 30, 'coo', NULL, NULL, NULL, NULL),
    -- kwon: staff at openai
    (26, 14, 30, 'staff', NULL, NULL, NULL, NULL),
    -- amodei: staff at openai, until bg: Dario Amodei leaves OpenAI and founds Anthropic
    (27, 15, 30, 'staff', NULL, (SELECT ts FROM event WHERE id = 103), NULL, 103),
    -- amodei: founder at anthropic, from bg: Dario Amodei leaves OpenAI and founds Anthropic
    (28, 15, 33, 'founder', (SELECT ts FROM event WHERE id = 103), NULL, 103, NULL),
    -- pachocki: researcher at openai
    (29, 17, 30, 'researcher', NULL, NULL, NULL, NULL),
    -- sidor: researcher at openai
    (30, 18, 30, 'researcher', NULL, NULL, NULL, NULL),
    -- senior-researchers: senior_researcher at openai, until 主線#06
    (31, 61, 30, 'senior_researcher', NULL, (SELECT ts FROM event WHERE id = 9), NULL, 9);

-- ==================================================================== stances

-- Line (axis 'line'): since NULL, held from the start; event_id, the event that shows it.
-- Crisis (axis 'crisis'): each change from the event that shows it; faction_id NULL: neither from then on.
-- Anyone without a row stands on no line, and on neither side in the crisis.
INSERT INTO stance (id, person_id, faction_id, since, event_id, axis, note_en, note_zh) VALUES
    -- altman: accelerationist
    (1, 1, 2, NULL, NULL, 'line',
     'The causes section names him the representative of the accelerationist line.',
     '起因部分称他是加速主义的代表人物。'),
    -- sutskever: safety
    (2, 2, 1, NULL, 110, 'line',
     'The causes section names him a representative of the safety line and the instigator of the coup; he set up the superalignment team. It says the rift remains after he backed down.',
     '起因部分称他是安全主义的代表人物、政变的推动者；他发起了“超级对齐”项目组。文章说他虽然转向，分歧依然存在。'),
    -- brockman: accelerationist
    (3, 4, 2, NULL, 114, 'line',
     'The causes section puts him in the "effective acceleration" camp, keen to build Q* into new products.',
     '起因部分把他归入“有效加速”派，称他一直想把Q*用到新产品里。'),
    -- dangelo: safety
    (4, 7, 1, NULL, 4, 'line',
     'An outside director allied with Sutskever in the vote (花絮2) and rumoured to be one of the instigators; the article puts the coup down to board members who hold the safety view.',
     '外部董事，在投票中与苏茨克维结盟（花絮2），据传是政变推手之一；文章把政变归于持安全主义观点的董事。'),
    -- musk: safety
    (5, 16, 1, NULL, 12, 'line',
     'The causes section names him, with Sutskever, a representative of the safety line.',
     '起因部分把他与苏茨克维并列为安全主义的代表人物。'),
    -- outside-directors: safety
    (6, 62, 1, NULL, 4, 'line',
     'Allied with Sutskever in the vote (花絮2); the article puts the coup down to board members who hold the safety view.',
     '在投票中与苏茨克维结盟（花絮2）；文章把政变归于持安全主义观点的董事。'),
    -- sutskever: with the board from 主線#01
    (7, 2, 3, (SELECT ts FROM event WHERE id = 1), 1, 'crisis',
     'He sets up the call (#01) and tells Altman, for the board, that he is fired (#02).',
     '他约好通话（#01），并代表董事会通知阿尔特曼被解雇（#02）。'),
    -- sutskever: neither from 主線#14
    (8, 2, NULL, (SELECT ts FROM event WHERE id = 24), 24, 'crisis',
     'He says he deeply regrets taking part in the board''s action (#14): no longer with the board, not yet for the return.',
     '他表示对参与董事会的行动深感遗憾（#14）：不再站在董事会一边，但尚未表态支持回归。'),
    -- sutskever: for the return from 主線#16
    (9, 2, 4, (SELECT ts FROM event WHERE id = 28), 28, 'crisis',
     'He is among those who sign the letter demanding Altman''s return (#16).',
     '他也在要求阿尔特曼回归的公开信上签了名（#16）。'),
    -- murati: with the board from 花絮1
    (10, 3, 3, (SELECT ts FROM event WHERE id = 2), 2, 'crisis',
     'She knows of the firing in advance and does not warn Altman (花絮1), then takes the CEO post from the board (#04); 花絮6 still calls her his enemy in theory.',
     '她事先知道解雇计划却没有提醒阿尔特曼（花絮1），随后接受董事会任命出任CEO（#04）；花絮6仍称她理论上是阿尔特曼的敌人。'),
    -- murati: for the return from 主線#08
    (11, 3, 4, (SELECT ts FROM event WHERE id = 13), 13, 'crisis',
     'She invites Altman back for talks (#08), insists on his and Brockman''s return (花絮8) and starts the open letter (#15).',
     '她邀请阿尔特曼回来谈判（#08），坚持要他和布罗克曼回归（花絮8），并发起公开信（#15）。'),
    -- dangelo: with the board from 花絮2
    (12, 7, 3, (SELECT ts FROM event WHERE id = 4), 4, 'crisis',
     'One of the four votes against Altman (花絮2); he keeps his seat on the new board (#20).',
     '投票罢免阿尔特曼的四票之一（花絮2）；他在新董事会中留任（#20）。'),
    -- outside-directors: with the board from 花絮2
    (13, 62, 3, (SELECT ts FROM event WHERE id = 4), 4, 'crisis',
     'Two of the four votes against Altman (花絮2).',
     '投票罢免阿尔特曼的四票中的两票（花絮2）。'),
    -- musk: with the board from 花絮5
    (14, 16, 3, (SELECT ts FROM event WHERE id = 12), 12, 'crisis',
     'The article says he alone seems to back the coup, vouching for Sutskever (花絮5).',
     '文章称似乎只有他在暗中支持政变，并为苏茨克维担保（花絮5）。'),
    -- microsoft: for the return from 主線#07
    (15, 31, 4, (SELECT ts FROM event WHERE id = 11), 11, 'crisis',
     'It presses the board (#07); the impact section says its best outcome is Altman''s return.',
     '它向董事会施压（#07）；影响部分称阿尔特曼回归是它最理想的结局。'),
    -- thrive: for the return from 主線#07
    (16, 32, 4, (SELECT ts FROM event WHERE id = 11), 11, 'crisis',
     'OpenAI''s second-largest shareholder presses the board with Microsoft (#07).',
     'OpenAI第二大股东，与微软一起向董事会施压（#07）。'),
    -- altman: for the return from 主線#09
    (17, 1, 4, (SELECT ts FROM event WHERE id = 15), 15, 'crisis',
     'He comes back to headquarters for talks on a visitor badge (#09), and later negotiates through Chesky (#19).',
     '他挂着访客牌回到总部谈判（#09），后来又请切斯基代他谈判（#19）。'),
    -- brockman: for the return from 主線#09
    (18, 4, 4, (SELECT ts FROM event WHERE id = 15), 15, 'crisis',
     'He quits with Altman (#05) and goes back to headquarters with him for the talks (#09).',
     '他随阿尔特曼一起辞职（#05），又陪他回总部谈判（#09）。'),
    -- shear: with the board from 主線#10
    (19, 5, 3, (SELECT ts FROM event WHERE id = 17), 17, 'crisis',
     'Named CEO by the board (#10), he speaks for it in the final talks (#19), though he says he will quit unless it explains the firing (花絮14).',
     '由董事会任命为CEO（#10），并在最后的谈判中代表董事会（#19）；不过他也表示董事会若说不清解雇理由就离职（花絮14）。'),
    -- employees: for the return from 主線#13
    (20, 60, 4, (SELECT ts FROM event WHERE id = 22), 22, 'crisis',
     'They flood social media with "OpenAI is nothing without its people" (#13), then sign the letter demanding the board resign and Altman return (#15, #16).',
     '他们在推特上刷屏“OpenAI is nothing without its people”（#13），随后在要求董事会辞职、阿尔特曼回归的公开信上签名（#15、#16）。'),
    -- anna-brockman: for the return from 花絮11
    (21, 12, 4, (SELECT ts FROM event WHERE id = 25), 25, 'crisis',
     'She pleads with Sutskever in tears to change his stance (花絮11).',
     '她含泪恳求苏茨克维改变态度（花絮11）。'),
    -- nadella: for the return from 主線#18
    (22, 6, 4, (SELECT ts FROM event WHERE id = 31), 31, 'crisis',
     'He backs Altman again on Bloomberg, and the talks with the board resume the next day (#18).',
     '他在彭博上再次力挺阿尔特曼，次日阿尔特曼与董事会重启谈判（#18）。'),
    -- chesky: for the return from 主線#19
    (23, 10, 4, (SELECT ts FROM event WHERE id = 33), 33, 'crisis',
     'He negotiates on Altman''s behalf as his friend (#19).',
     '他以朋友身份代表阿尔特曼谈判（#19）。');

-- ==================================================================== figures

INSERT INTO figure_kind (code, name_en, name_zh) VALUES
    ('board_vote', 'Board vote (for:against)', '董事会投票（赞成:反对）'),
    ('signatures', 'Open-letter signatures', '公开信签名人数'),
    ('employees', 'OpenAI employees', 'OpenAI员工人数'),
    ('microsoft_stake', 'Microsoft''s stake (%)', '微软持股比例（%）'),
    ('notice_minutes', 'Notice given to Microsoft (minutes)', '提前通知微软（分钟）'),
    ('crisis_hours', 'Hours from firing to return', '从宣布解雇到宣布回归（小时）'),
    ('microsoft_invested_usd', 'Microsoft''s investment in OpenAI so far (US$)', '微软对OpenAI的累计投资（美元）');

-- A figure holds from its event until until_event, or until the next of its
-- kind. The board's size is not a figure: the split counts the seats held.
INSERT INTO figure (id, code, event_id, value, total, shown_en, shown_zh, until_event) VALUES
    (1, 'board_vote', 4, 4, 6, '4:2', '4:2', 4),  -- 花絮2; a vote is of its moment: past once cast
    (3, 'microsoft_stake', 6, 49, 100, '49%', '49%', NULL),  -- 花絮3
    (4, 'notice_minutes', 7, 1, NULL, '1 minute', '1分钟', NULL),  -- 主線#04
    (5, 'signatures', 28, 743, NULL, '743 (over 95%)', '743人（超过95%）', NULL),  -- 主線#16
    (6, 'signatures', 34, 747, 770, '747/770 (97%)', '747/770（97%）', NULL),  -- 花絮15
    (7, 'employees', 34, 770, NULL, '770', '770人', NULL),  -- 花絮15
    (9, 'crisis_hours', 35, 106, NULL, '106 hours', '106小时', NULL),  -- 主線#20
    (10, 'microsoft_invested_usd', 102, 1000000000, NULL, '$1 billion (2019)', '10亿美元（2019年）', NULL),  -- bg: Microsoft invests $1 billion in OpenAI
    (11, 'microsoft_invested_usd', 105, 10000000000, NULL, 'over $10 billion', '上百亿美元', NULL);  -- bg: Jan 2023; the article dates the total no closer than 2023 (causes and impact sections)

-- ==================================================================== notes

INSERT INTO note (id, event_id, kind, text_en, text_zh) VALUES
    -- 花絮1
    (1, 2, 'inference',
     'The article says "此時" ("at this time"), referring back to #01, so the entry takes #01''s interval (evening of Nov 16).',
     '文章用“此時”承接主线#01，故沿用#01的时间区间（11月16日晚）。'),
    -- 花絮2
    (2, 4, 'doubt',
     'The arithmetic is odd. Of six seats, Sutskever and the three outside directors make four votes; the other two are Altman''s own and one he casts for the absent Brockman. So the man being removed votes on his own removal, and the proxy for Brockman, who was himself only taken off the board at 12:23 (#03), is asserted without a source. In #02 Altman is simply told the outcome.',
     '这组算术令人生疑：6个席位中，苏茨克维和三名外部董事共4票，另外2票是阿尔特曼本人的一票，以及他代缺席的布罗克曼投的一票。也就是说，被解雇者本人参与了对自己的表决；而布罗克曼本人到12点23分才被移出董事会（#03），由阿尔特曼代他投票一说，文章没有给出处。在#02中，阿尔特曼只是被告知结果。'),
    -- 花絮2
    (3, 4, 'inference',
     'Undated; placed by its position between #02 (12:00) and #03 (12:23). The vote it describes is the decision Altman was told of at 12:00.',
     '文章未注明时间；按其位置置于#02（12:00）与#03（12:23）之间。所述投票即12点通知阿尔特曼的那项决定。'),
    -- 花絮3
    (4, 6, 'inference',
     'Undated comment on the calls of #02 and #03; placed by its position between #03 (12:23) and #04 (the 3 pm hour).',
     '这是对#02、#03两场会议的评论，文章未注明时间；按其位置置于#03（12:23）与#04（下午3点）之间。'),
    -- 主線#04
    (5, 7, 'contradiction',
     'The article puts the official announcement at 3 pm on Nov 17. Its opening, however, says only 106 hours passed between the announcement of Altman''s firing and the announcement of his return at 14:03 Beijing time on Nov 22 (22:03 PT on Nov 21); counting back gives 12:03 PT on Nov 17, about three hours earlier. The dataset keeps 3 pm here and starts the crisis window at 12:03.',
     '文章称OpenAI于11月17日下午3点正式官宣。但开篇说，从官方宣布解雇阿尔特曼到北京时间11月22日下午2:03宣布其回归（即太平洋时间11月21日22:03），只过去了106小时；由此倒推，解雇消息应在太平洋时间11月17日12:03公布，比下午3点早约3小时。本数据此处保留下午3点，危机时间窗则从12:03算起。'),
    -- 主線#05
    (6, 8, 'inference',
     'Anchored on #04 (3 pm): Altman posted "afterwards" (隨后) and Brockman resigned two hours after that post, so no earlier than 5 pm. Nothing narrower is given; the interval runs from 3 pm to the end of Nov 17, the day #06 goes on to describe, and the sort time is 5 pm.',
     '以#04（下午3点）为锚：阿尔特曼“隨后”发推，布罗克曼在其两小时后辞职，故不早于下午5点。文章没有更确切的时间；区间取下午3点至11月17日结束（#06接着写的仍是17日晚），排序时间取下午5点。'),
    -- 主線#06
    (7, 9, 'damage',
     'Garbled characters before "OpenAI" ("政變?cè)贠penAI"); the context reads "在" ("in").',
     '“OpenAI”前有乱码（“政變?cè)贠penAI”），据上下文应为“在”。'),
    -- 花絮4
    (8, 10, 'inference',
     'Undated; placed by its position between #06 (evening of Nov 17 to early Nov 18) and #08 (Nov 18). His dismissal itself came together with Altman''s (#02); the post and the new job are what this interval covers.',
     '文章未注明时间；按其位置置于#06（11月17日晚至18日凌晨）与#08（11月18日）之间。他被解雇本身与阿尔特曼同时（#02），此区间针对的是发帖求职和找到新工作。'),
    -- 主線#07
    (9, 11, 'inference',
     'Undated; placed by its position between #06 (evening of Nov 17 to early Nov 18) and #08 (Nov 18).',
     '文章未注明时间；按其位置置于#06（11月17日晚至18日凌晨）与#08（11月18日）之间。'),
    -- 花絮5
    (10, 12, 'inference',
     'Undated; placed by its position between #06 (evening of Nov 17 to early Nov 18) and #08 (Nov 18).',
     '文章未注明时间；按其位置置于#06（11月17日晚至18日凌晨）与#08（11月18日）之间。'),
    -- 花絮5
    (11, 12, 'damage',
     'A word was dropped before "有必要" ("necessary") and shows as "*"; our text does not guess it.',
     '“有必要”前脱落一个词，原文显示为“*”；本数据未作臆补。'),
    -- 主線#08
    (12, 13, 'damage',
     'A word was dropped before "次反轉" ("reversal") and shows as "*"; our text does not guess it.',
     '“次反轉”前脱落一个词，原文显示为“*”；本数据未作臆补。'),
    -- 主線#09
    (13, 15, 'damage',
     'In "*次也是最后一次" a word was dropped before "次", so only "the last time" survives of Altman''s post. The "visitor" in "訪客卡" is also garbled ("張?jiān)L客卡").',
     '“*次也是最后一次”中“次”前脱落一个词，阿尔特曼的推文只剩“最后一次”可读。“訪客卡”的“訪”字也成了乱码（“張?jiān)L客卡”）。'),
    -- 花絮7
    (14, 16, 'inference',
     'Undated; placed by its position between #09 (afternoon of Nov 19) and #10 (evening of Nov 19).',
     '文章未注明时间；按其位置置于#09（11月19日下午）与#10（11月19日晚）之间。'),
    -- 花絮7
    (15, 16, 'doubt',
     'The joke counts Altman''s visit to headquarters (#09), about 48 hours after the firing, as a return; those talks broke down that evening (#10), and he was reinstated only on Nov 21 (#20).',
     '这则调侃把阿尔特曼在解雇约48小时后回总部（#09）算作回归；但当晚谈判就破裂了（#10），他直到11月21日才真正复职（#20）。'),
    -- 主線#10
    (16, 17, 'damage',
     'Two misspellings in this entry: "Iiya" for Ilya and "Twich" for Twitch. A search finds the right entry under either misspelling.',
     '本条有两处拼写错误：“Iiya”应为Ilya，“Twich”应为Twitch。用这两种错误写法也能搜到对应条目。'),
    -- 花絮8
    (17, 18, 'inference',
     'Undated; placed by its position between #10 (evening of Nov 19) and #11 (early Nov 20). It explains why the board chose an outsider in #10.',
     '文章未注明时间；按其位置置于#10（11月19日晚）与#11（11月20日凌晨）之间。它解释了#10中董事会为何从外部找CEO。'),
    -- 花絮8
    (18, 18, 'damage',
     'Garbled characters in "因?yàn)閳?jiān)持"; the context reads "因為堅持" ("because she insisted").',
     '“因?yàn)閳?jiān)持”一处为乱码，据上下文应为“因为坚持”。'),
    -- 主線#11
    (19, 19, 'inference',
     'Stored as the article gives it: early morning (凌晨) of Nov 20, read in Pacific time as the process section says all its times are, i.e. 00:00-05:59 PT. No exact time is given.',
     '按文章原样记录：11月20日凌晨。过程部分声明所有时间均为美国西部时间，故取太平洋时间00:00至05:59。文章没有给出确切时刻。'),
    -- 花絮9
    (20, 21, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。'),
    -- 主線#13
    (21, 22, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。'),
    -- 花絮10
    (22, 23, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。'),
    -- 主線#14
    (23, 24, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。'),
    -- 花絮11
    (24, 25, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order. Told after #14, it reads as an influence on Sutskever''s change of heart, but the article gives no time.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。此条排在#14之后，读来像是促使苏茨克维转变的因素之一，但文章没有给出时间。'),
    -- 主線#15
    (25, 26, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order. "在推上刷屏的同時" ("while the tweets flooded in") ties it to #13.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。“在推上刷屏的同時”把它与#13联系在一起。'),
    -- 花絮12
    (26, 27, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。'),
    -- 主線#16
    (27, 28, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。'),
    -- 主線#16
    (28, 28, 'damage',
     'The heading "主線#16" has no colon after it, and a word was dropped before "的集體辭職運動" (shown as "*"), so the article''s claim about the movement''s place in business history is incomplete.',
     '标记“主線#16”后缺少冒号；“的集體辭職運動”前也脱落一个词（显示为“*”），文章对这场运动在商业史上地位的评价因此不完整。'),
    -- 花絮13
    (29, 29, 'inference',
     'Undated; placed by its position between #12 and #18, both on the evening of Nov 20 (PT). The sort time only keeps the article''s order.',
     '文章未注明时间；按其位置置于#12与#18之间，二者均在11月20日晚（太平洋时间）。排序时间仅用于保持文章的叙述顺序。'),
    -- 花絮13
    (30, 29, 'damage',
     'Garbled characters in "表?yè)P"; the context reads "表揚" ("praised").',
     '“表?yè)P”一处为乱码，据上下文应为“表扬”。'),
    -- 主線#17
    (31, 30, 'inference',
     'The approach itself is undated. The causes section says The Information reported it on the evening of Nov 20 and that it came after Altman''s ouster, so the interval runs from the firing (#02) to the end of Nov 20; the sort time keeps the article''s order.',
     '接洽本身没有日期。起因部分说，The Information于11月20日晚报道此事，且接洽发生在赶走阿尔特曼之后，故区间取解雇（#02）至11月20日结束；排序时间保持文章的叙述顺序。'),
    -- 主線#17
    (32, 30, 'damage',
     'Garbled characters in "他們?nèi)フ伊烁?jìng)爭對手"; the context reads "他們去找了競爭對手" ("they went to a rival").',
     '“他們?nèi)フ伊烁?jìng)爭對手”一处为乱码，据上下文应为“他们去找了竞争对手”。'),
    -- 花絮14
    (33, 32, 'inference',
     'Undated; placed by its position between #18 (from the evening of Nov 20) and #20 (22:03 on Nov 21).',
     '文章未注明时间；按其位置置于#18（11月20日晚起）与#20（11月21日22:03）之间。'),
    -- 主線#19
    (34, 33, 'inference',
     'Undated; these are the talks that #18 says resumed on Nov 21 and that ended with #20, so the interval runs from the start of Nov 21 to 22:03.',
     '文章未注明时间；这是#18所说11月21日重启、以#20告终的谈判，故区间取11月21日零时至22:03。'),
    -- 花絮15
    (35, 34, 'inference',
     '"在談判期間" ("during the talks") ties it to the negotiations of Nov 21 (#18, #19); the interval runs from the start of Nov 21 to the announcement at 22:03.',
     '“在談判期間”把它与11月21日的谈判（#18、#19）联系在一起；区间取11月21日零时至22:03宣布结果之时。'),
    -- 主線#20
    (36, 35, 'inference',
     'The entry has no time of its own. It is taken to be the announcement in the opening paragraph, where OpenAI''s official account tweeted at 14:03 Beijing time on Nov 22 that Altman was back as CEO and the board overhauled: 22:03 PT on Nov 21 (06:03 UTC on Nov 22). The time is therefore inferred, and the wording given for it is the opening''s. The opening says 106 hours had passed since the firing was announced.',
     '本条自身没有时间。我们认定它就是开篇所说的那次官宣：OpenAI官方账号于北京时间11月22日下午2:03发推，宣布阿尔特曼重任CEO、董事会大换血，即太平洋时间11月21日22:03（协调世界时11月22日06:03）。因此这一时间是推断出来的，所记的时间说法也取自开篇。开篇还说，此时距官方宣布解雇仅过去106小时。'),
    -- 主線#20
    (37, 35, 'inference',
     'The opening says Brockman, "the former president", came back together with Altman but does not give his post; his return is recorded from this event without a title.',
     '开篇称“一同回歸的前任總裁”布罗克曼，但未说明他回归后的职务；本数据从此事件起记录其回归，不注明职务。'),
    -- 花絮16
    (38, 36, 'damage',
     'The entry ends with a colon introducing Shear''s post, but the post itself is missing from the text.',
     '本条以冒号结尾，引出希尔的推文，但推文内容在正文中缺失。'),
    -- 花絮16
    (39, 36, 'inference',
     'Undated; placed after #20. It is given the rest of Nov 21 (PT) because the article closes its 106-hour account with these reactions; no time is stated.',
     '文章未注明时间；置于#20之后。由于文章以这些反应收束其106小时的叙述，故取11月21日（太平洋时间）余下的时段；原文并无时间。'),
    -- 花絮16
    (40, 36, 'doubt',
     '"CEO for three days" counts calendar days: Shear was named on the evening of Nov 19 (#10) and Altman''s return was announced late on Nov 21 (#20), roughly two days by the clock.',
     '“当了3天CEO”是按日历天数算的：希尔于11月19日晚获任命（#10），阿尔特曼回归于11月21日深夜宣布（#20），实际约两天。'),
    -- 主線#21
    (41, 37, 'inference',
     'Undated; placed after #20, the last entry of the main line. It is given the rest of Nov 21 (PT) because the article closes its 106-hour account here; no time is stated.',
     '文章未注明时间；置于#20之后，是主线最后一条。由于文章在此收束其106小时的叙述，故取11月21日（太平洋时间）余下的时段；原文并无时间。'),
    -- bg: OpenAI turns toward a capped-profit model
    (42, 101, 'damage',
     'The sentence on the charter contains a stretch decoded with the wrong charset, ending in U+FFFD ("直截了當?shù)刂赋�"); the context reads "直截了當地指出" ("states plainly"). The quoted duty to humanity that follows is intact.',
     '关于公司章程的一句中有一段字符集解码错误，末尾为U+FFFD（“直截了當?shù)刂赋�”），据上下文应为“直截了当地指出”。其后所引“对人类负责”的内容完好。'),
    -- bg: OpenAI turns toward a capped-profit model
    (43, 101, 'damage',
     'In "*人才" a word describing the talent was dropped (shown as "*"); our text says only "talent".',
     '“*人才”中脱落了一个修饰词（显示为“*”）；本数据只写“人才”。'),
    -- bg: Dario Amodei leaves OpenAI and founds Anthropic
    (44, 103, 'damage',
     'Garbled characters in "因?yàn)檫@個"; the context reads "因為這個" ("because of this").',
     '“因?yàn)檫@個”一处为乱码，据上下文应为“因为这个”。'),
    -- bg: GPT-4 is released
    (45, 108, 'inference',
     '"兩周后" ("two weeks later") counts from the March 2023 launch of the API tools, which is dated only to the month, so GPT-4 falls between Mar 15 and Apr 14, 2023.',
     '“兩周后”从2023年3月推出API工具算起，而该事只精确到月，故GPT-4问世的时间在2023年3月15日至4月14日之间。'),
    -- bg: Altman hints at a breakthrough at APEC
    (46, 112, 'inference',
     'Undated. The article lists the remarks after the Nov 7 developer day among Altman''s recent moves that worried the board before the firing, and he speaks of a change "in the past few weeks"; stored as November 2023, ending just before the firing at noon on Nov 17.',
     '文章未注明时间。文章把这次讲话列在11月7日开发者大会之后，作为解雇前令董事会担忧的阿尔特曼近期举动之一，讲话中也提到“过去几周内”；故记为2023年11月，截至11月17日中午解雇之前。'),
    -- bg: The Information reports the Anthropic merger approach
    (47, 113, 'inference',
     'The report is the source of #17. The article dates the report, not the approach it describes.',
     '这篇报道是主线#17的出处。文章给出的是报道的日期，而非接洽本身的日期。'),
    -- bg: Reports of Q*, a model that solves maths problems
    (48, 114, 'inference',
     'The reports are undated. They are treated as coverage that followed the firing, so the interval runs from the firing (#02) to the end of Nov 24, the article''s publication date; the sort time places them after the main line.',
     '这些报道没有日期。我们视其为解雇之后的报道，故区间取解雇（#02）至文章发布日11月24日结束；排序时间置于主线之后。'),
    -- bg: Reports of Q*, a model that solves maths problems
    (49, 114, 'doubt',
     'The article presents Q* as the most widely circulated explanation of the breakthrough Altman hinted at, resting on press reports; it does not establish that Q* caused the firing.',
     '文章称Q*是关于阿尔特曼所暗示突破的流传最广的说法，依据的是媒体报道；文章并未证实Q*就是解雇的原因。'),
    -- bg: Reports of Q*, a model that solves maths problems
    (50, 114, 'damage',
     'In "兩位*研究人員" a word describing the two researchers was dropped (shown as "*").',
     '“兩位*研究人員”中脱落了一个修饰词（显示为“*”）。'),
    -- 主線#05
    (51, 8, 'damage',
     'The article has Altman confirm his firing "在發推上", a slip that mixes "在推上" ("on Twitter") with "發推" ("tweeted"); the sense is plain either way.',
     '原文写作“在發推上證實”，把“在推上”与“發推”两种说法混在了一起，是笔误，但意思不受影响。'),
    -- 主線#11
    (52, 19, 'damage',
     'The impact section, weighing what taking Altman''s people into Microsoft would mean, says that an unpredictable application such as ChatGPT, bound by heavy legal and ethical constraints, "在大公司的内部被批準" ("gets approved inside a big company"). Its argument, and the Google example that follows, need the opposite: such a product would hardly be approved there. A negation seems to have dropped out.',
     '影响部分分析微软把阿尔特曼团队收入内部的后果时写道，像ChatGPT这样“不可测”的应用，因受大量法务和道德约束，“在大公司的内部被批準”。可这段论证和紧随其后的谷歌例子，要说的都是相反的意思：这类产品在大公司里很难获批。原文应是漏掉了一个否定词。'),
    -- 主線#11
    (53, 19, 'damage',
     'The same section calls Google''s photo service "Google Photo"; its name is Google Photos. The article cites it for automatically tagging Black people as gorillas, which it says made Google timid with its own chatbot and let ChatGPT get there first.',
     '同一部分把谷歌的相册服务写作“Google Photo”，其名称应为Google Photos。文章举它把黑人自动标成猩猩一事为例，说谷歌因此在做聊天机器人时缩手缩脚，让ChatGPT抢了先。'),
    -- 主線#11
    (54, 19, 'damage',
     'The same section, imagining Microsoft funding a new company outside, once writes the name as "Open AI", with a space. A search for that spelling finds OpenAI too.',
     '同一部分设想微软出钱在外部另起炉灶时，把公司名写成了带空格的“Open AI”。搜索这一写法同样能找到OpenAI。'),
    -- 主線#12
    (55, 20, 'doubt',
     'Shear was named CEO on the evening of Nov 19 (#10), yet the article has Sutskever introduce him to the staff only on the evening of Nov 20, a day later. The staff''s Slack greeting (花絮9) is told after this meeting; the article does not say whether it came after the meeting or in the day between.',
     '希尔在11月19日晚就被宣布出任CEO（#10），文章却到11月20日晚、也就是一天以后，才写苏茨克维向员工介绍他。员工在Slack上“欢迎”他一事（花絮9）排在这次会议之后；它究竟发生在会后，还是在中间那一天里，文章没有交代。'),
    -- 花絮9
    (56, 21, 'doubt',
     'Told after the staff meeting of Nov 20 (#12), but Shear had been named CEO the evening before (#10), so the greeting may have come earlier than its place in the article suggests.',
     '此条排在11月20日晚的员工会（#12）之后，但希尔前一晚（#10）就已获任命，员工这番“欢迎”可能比它在文中的位置来得更早。'),
    -- 主線#13
    (57, 22, 'doubt',
     'Between #12 and #18, both on the evening of Nov 20, the article tells the whole staff revolt: the slogan, Sutskever''s regret, the open letter, 743 signatures, Altman''s praise and the board''s approach to Anthropic. Read as a timeline, all of it would have to fit into one evening, although the causes section dates only the report of the approach, not the approach itself. The order reads as grouped by theme rather than by time; it is kept here only to sort the entries.',
     '从#12到#18（两者都在11月20日晚），文章讲完了员工反抗的全过程：口号刷屏、苏茨克维认错、公开信、743人签名、阿尔特曼点名表扬，以及董事会接洽Anthropic。若当作时间线来读，这些事都得挤进同一个晚上，而起因部分给出的只是接洽见报的日期，并非接洽本身的日期。这段顺序看来是按主题而不是按时间排的；本数据沿用它，只是为了给各条排序。'),
    -- 主線#13
    (58, 22, 'contradiction',
     'The article gives the slogan twice and spells it two ways: "OpenAI Is Nothing without its people" in this entry and "OpenAI is nothing without its people" in its impact section. Both spellings appear here.',
     '文章两次引用这句口号，大小写不一：本条作“OpenAI Is Nothing without its people”，影响部分作“OpenAI is nothing without its people”。本数据两种写法都有。'),
    -- 主線#20
    (59, 35, 'contradiction',
     'The opening says Microsoft has no board seat for now, not even as an observer, perhaps until possible regulatory questions are cleared up. The impact section, however, describes the ideal outcome for Microsoft as Altman back, the staff staying and a board seat for Microsoft, and then rates the actual return as nearly that outcome. (In both of those sentences the qualifying word is lost and shows as "*"; the context makes it "best".) It does not say that, by the opening''s account, the seat was not part of the deal.',
     '开篇说，微软暂时没有进入董事会，连观察员身份也没有，也许要等可能的监管问题弄清楚后再定。影响部分却把“阿尔特曼回归、员工基本没走、微软得到董事会席位”说成微软的理想结局，接着又说阿尔特曼最终回归对微软来说基本就是这样的结果。（这两句中的修饰词都已脱落，显示为“*”，按上下文应是“最好”之类的意思。）文章没有提到，按开篇的说法，席位并不在谈判结果之中。'),
    -- 主線#20
    (60, 35, 'damage',
     'The article writes D''Angelo''s name with a curly apostrophe (D’Angelo) in its opening and with a straight one (D''Angelo) in this entry. A search finds him under either.',
     '文章开篇把德安杰洛的名字写作“D’Angelo”（弯撇号），本条则写作“D''Angelo”（直撇号）。两种写法都能搜到他。'),
    -- 主線#21
    (61, 37, 'damage',
     'In the impact section, "跟OpenAI和合作模式" ("with OpenAI and cooperation model") is a slip for "跟OpenAI的合作模式" ("its model of cooperation with OpenAI"): the article means that the present partnership is close to ideal for Microsoft.',
     '影响部分的“跟OpenAI和合作模式”中，“和”是“的”的笔误，原意是说微软眼下与OpenAI的合作方式对它而言近乎理想。'),
    -- bg: DevDay launches GPTs and the GPT Store
    (62, 111, 'doubt',
     'The article puts the developer conference on Nov 7. Its process section says its times are US Pacific, but the causes section, where this date stands, names no time zone, and the only other zone the article names is Beijing time, in its opening. If Nov 7 is a Beijing date, the conference fell mostly on Nov 6 in San Francisco: the whole of Nov 7 in Beijing runs from 08:00 on Nov 6 to 07:59 on Nov 7 Pacific time. The date is kept as the article gives it.',
     '文章把开发者大会记在11月7日。过程部分声明其时间均为美国西部时间，但这个日期所在的起因部分没有说明时区，而文章在别处提到的唯一时区是开篇的北京时间。倘若11月7日是北京日期，大会在旧金山大多落在11月6日：北京时间11月7日全天，相当于太平洋时间11月6日8:00至11月7日7:59。本数据按文章原样记为11月7日。'),
    -- bg: Altman hints at a breakthrough at APEC
    (63, 112, 'damage',
     'The question that follows the APEC remarks, "到底是那方面" ("in which area, then"), writes 那 ("that") for 哪 ("which").',
     '紧接APEC讲话的那句设问“到底是那方面”中，“那”是“哪”的笔误。'),
    -- bg: The Information reports the Anthropic merger approach
    (64, 113, 'contradiction',
     'On AGI safety the causes section first says that no clear "factions" had formed inside OpenAI, only at least two voices; a few paragraphs on, it calls the same two views "two factions" and asks whether they existed from the start.',
     '起因部分谈到AGI安全问题时，先说OpenAI内部并没有明确形成“派别”，只是至少有两种声音；隔了几段，却又把这两种看法称作“两个派别”，并追问它们是否从创立之初就已存在。');
